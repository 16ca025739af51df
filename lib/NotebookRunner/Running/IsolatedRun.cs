using System.Diagnostics;
using System.Reflection;

namespace NotebookRunner.Running;

/// <summary>Runs each notebook in a runner process of its own, as VS Code gives each notebook its own kernel.</summary>
/// <remarks>
/// Assembly loading is process-wide: a resolver installed by one notebook's setup would otherwise rescue the next
/// notebook, which would then pass here and fail in VS Code.
/// </remarks>
public static class IsolatedRun
{
    /// <summary>Runs <paramref name="request"/> one child process per notebook and writes the merged summary.json.</summary>
    public static async Task<IReadOnlyList<NotebookResult>> RunAsync(RunRequest request)
    {
        var notebooks = NotebookRun.Expand(request.Paths);
        Directory.CreateDirectory(request.OutDirectory);
        var results = new List<NotebookResult>();
        foreach (var notebook in notebooks)
        {
            var part = Path.Combine(Path.GetTempPath(), $"runner-summary-{Guid.NewGuid():N}.json");
            var exitCode = await RunChildAsync(notebook, request, part);
            var result = File.Exists(part)
                ? RunSummary.Read(part).Single()
                : new NotebookResult(Path.GetFileNameWithoutExtension(notebook), false, 0, [], new Dictionary<string, double?>(),
                    $"{Path.GetFileNameWithoutExtension(notebook)}: its runner process exited with code {exitCode} before writing a summary; see its output above.", null, null);
            File.Delete(part);
            results.Add(result);
            if (!result.Ok && request.FailFast) break;
        }
        RunSummary.Write(Path.Combine(request.OutDirectory, "summary.json"), request.Profile, results);
        return results;
    }

    static async Task<int> RunChildAsync(string notebook, RunRequest request, string summaryFile)
    {
        // Started as 'dotnet NotebookRunner.dll' the process path is the host; started through the apphost it is the runner itself.
        var processPath = Environment.ProcessPath!;
        var start = new ProcessStartInfo(processPath) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(processPath) == "dotnet") start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        foreach (var arg in new[] { "run", notebook, "--profile", request.Profile, "--out", request.OutDirectory, "--summary-file", summaryFile })
            start.ArgumentList.Add(arg);
        if (request.CellTimeout is { } timeout)
        {
            start.ArgumentList.Add("--cell-timeout");
            start.ArgumentList.Add(timeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (request.SolutionsDirectory is { } solutions)
        {
            start.ArgumentList.Add("--solutions");
            start.ArgumentList.Add(solutions);
        }
        foreach (var (name, value) in request.Parameters)
        {
            start.ArgumentList.Add("-p");
            start.ArgumentList.Add($"{name}={value}");
        }
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
