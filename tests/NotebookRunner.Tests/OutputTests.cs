using NotebookRunner.Tests.Support;
using static NotebookRunner.Tests.Support.Fixtures;

namespace NotebookRunner.Tests;

public class OutputTests
{
    [Fact]
    public async Task Console_display_update_trailing_value_and_await_come_out_as_the_kernel_sends_them()
    {
        var directory = Directory.GetCurrentDirectory();
        var (results, outDir) = await RunAsync([Notebook("display-and-console")]);

        Assert.True(results.Single().Ok, results.Single().Error);
        Assert.Equal(directory, Directory.GetCurrentDirectory());
        var cells = CodeCells(Executed(outDir, "display-and-console"));

        Assert.Equal("to stdout\n", Stream(cells[0], "stdout"));
        Assert.Equal("to stderr\n", Stream(cells[0], "stderr"));

        // The final kernel's Update brings a new value id, so the stale first output stays, as in VS Code.
        var displays = Outputs(cells[1]);
        Assert.Equal(["display_data", "display_data", "display_data"], displays.Select(o => o["output_type"]!.GetValue<string>()));
        Assert.Equal("first", Text(displays[0]["data"]!["text/plain"]));
        Assert.Equal("second", Text(displays[1]["data"]!["text/plain"]));
        Assert.Contains("Name", Text(displays[2]["data"]!["text/html"]));
        Assert.Null(displays[2]["data"]!["text/plain"]);

        var result = Assert.Single(Outputs(cells[2]));
        Assert.Equal("execute_result", result["output_type"]!.GetValue<string>());
        Assert.Equal(3, result["execution_count"]!.GetValue<int>());
        Assert.Contains("42", Text(result["data"]!["text/html"]));

        // The kernel shows a byte[] as its numbers, never as an image, whatever the bytes hold.
        var bytes = Assert.Single(Outputs(cells[3]));
        Assert.Contains("137, 80, 78, 71", Text(bytes["data"]!["text/html"]));

        // Top-level await works, and the notebook's folder is the current directory while it runs.
        Assert.Equal("True", Stream(cells[4], "stdout"));
        Assert.Equal(5, cells[4]["execution_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Executed_notebook_keeps_ids_metadata_and_kernelspec()
    {
        var (_, outDir) = await RunAsync([Notebook("display-and-console")]);

        var source = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Notebook("display-and-console")))!;
        var executed = Executed(outDir, "display-and-console");
        Assert.Equal(source["cells"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()), executed["cells"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()));
        Assert.Equal(".net-csharp", executed["metadata"]!["kernelspec"]!["name"]!.GetValue<string>());
        Assert.Equal(5, executed["nbformat_minor"]!.GetValue<int>());
        // The page's header shows what the runner itself recorded, not what a hand-made fixture carries.
        var page = File.ReadAllText(Path.Combine(outDir, "display-and-console.html"));
        Assert.Contains("status: <b>ok</b>", page);
        Assert.Contains("profile: <b>full</b>", page);
    }

    [Fact]
    public async Task Progress_reports_every_notebook_and_cell_as_it_runs()
    {
        var progress = new RecordingProgress();
        await RunAsync([Notebook("fails-at-cell-3")], progress: progress);

        Assert.Equal(
            ["start fails-at-cell-3", "cell fails-at-cell-3 cell 2", "done fails-at-cell-3 cell 2 ok True",
             "cell fails-at-cell-3 cell 3", "done fails-at-cell-3 cell 3 failed True", "end fails-at-cell-3 failed"],
            progress.Events);
    }
}
