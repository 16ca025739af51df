using System.Diagnostics;
using System.Text.Json.Nodes;
using NotebookRunner.Tests.Support;
using static NotebookRunner.Tests.Support.Fixtures;

namespace NotebookRunner.Tests;

/// <summary>Papermill's standard: finished cells survive a timeout or a killed run, and the executed notebook says how it ended.</summary>
public class RobustnessTests
{
    [Fact]
    public async Task A_cell_past_the_timeout_fails_its_notebook_naming_the_cell_and_keeps_the_finished_cells()
    {
        var run = await RunnerCli.RunAsync(Notebook("slow-cell"), "--cell-timeout", "30");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("slow-cell, cell 2 did not finish within the cell timeout of 30 s", run.Notebook("slow-cell")["error"]!.GetValue<string>());
        var executed = Executed(run.OutDirectory, "slow-cell");
        Assert.Equal("finished\n", Stream(CodeCells(executed)[0], "stdout"));
        Assert.Equal("failed", executed["metadata"]!["notebook_runner"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_killed_run_leaves_its_finished_cells_in_a_notebook_marked_incomplete()
    {
        var outDir = NewOutDirectory();
        // A relative --out, as the README's command gives: the kernel runs in the notebook's folder, which must not move the file.
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetDirectoryName(outDir)! };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "NotebookRunner.dll"), "run", Notebook("slow-cell"), "--out", Path.GetFileName(outDir) })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var executedPath = Path.Combine(outDir, "slow-cell.ipynb");
        var clock = Stopwatch.StartNew();
        JsonObject? executed = null;
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            executed = File.Exists(executedPath) ? JsonNode.Parse(File.ReadAllText(executedPath))!.AsObject() : null;
            if (executed is not null && Stream(CodeCells(executed)[0], "stdout").Length > 0) break;
            await Task.Delay(200);
        }
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();

        executed = JsonNode.Parse(File.ReadAllText(executedPath))!.AsObject();
        Assert.Equal("finished\n", Stream(CodeCells(executed)[0], "stdout"));
        var run = executed["metadata"]!["notebook_runner"]!;
        Assert.Equal("incomplete", run["status"]!.GetValue<string>());
        Assert.Equal("full", run["profile"]!.GetValue<string>());
        Assert.Single(run["cells"]!.AsArray());
    }
}
