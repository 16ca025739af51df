using System.Diagnostics;
using System.Text.Json.Nodes;

namespace NotebookRunner.Tests.Support;

/// <summary>Runs the runner's CLI as its own process, for exit codes and for process-wide state such as assembly loading.</summary>
public static class RunnerCli
{
    /// <summary>The CLI's exit code, its output and the summary.json it wrote.</summary>
    public sealed record Run(int ExitCode, string Output, JsonObject? Summary, string OutDirectory);

    /// <summary>Runs <c>NotebookRunner run</c> with <paramref name="arguments"/> and a fresh --out folder.</summary>
    public static Task<Run> RunAsync(params string[] arguments) => RunAsync(TimeSpan.FromMinutes(3), arguments);

    /// <summary>Runs <c>NotebookRunner run</c> with <paramref name="arguments"/> and a fresh --out folder, giving up after <paramref name="timeout"/>.</summary>
    public static async Task<Run> RunAsync(TimeSpan timeout, params string[] arguments)
    {
        var outDir = Fixtures.NewOutDirectory();
        var (exitCode, output) = await InvokeAsync(["run", .. arguments, "--out", outDir], timeout);
        var summaryPath = Path.Combine(outDir, "summary.json");
        var summary = File.Exists(summaryPath) ? JsonNode.Parse(File.ReadAllText(summaryPath))!.AsObject() : null;
        return new Run(exitCode, output, summary, outDir);
    }

    /// <summary>Runs <c>NotebookRunner report</c> on the summary.json of <paramref name="run"/> with the course's targets; returns its exit code and output.</summary>
    public static Task<(int ExitCode, string Output)> ReportAsync(Run run) =>
        InvokeAsync(["report", "--summary", Path.Combine(run.OutDirectory, "summary.json"), "--targets", Path.Combine(Fixtures.RepoRoot, "notebooks", "targets.json")],
            TimeSpan.FromMinutes(3));

    static async Task<(int ExitCode, string Output)> InvokeAsync(IEnumerable<string> arguments, TimeSpan timeout)
    {
        var runner = Path.Combine(AppContext.BaseDirectory, "NotebookRunner.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in arguments.Prepend(runner)) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>The summary.json entry of notebook <paramref name="name"/>.</summary>
    public static JsonObject Notebook(this Run run, string name) =>
        run.Summary!["notebooks"]!.AsArray().OfType<JsonObject>().Single(n => n["name"]!.GetValue<string>() == name);
}
