using NotebookRunner.Execution;
using NotebookRunner.Export;

namespace NotebookRunner.Running;

/// <summary>What to run and how: the command line, parsed.</summary>
public sealed record RunRequest(
    IReadOnlyList<string> Paths,
    string Profile,
    IReadOnlyList<KeyValuePair<string, string>> Parameters,
    string OutDirectory,
    bool FailFast,
    string? SummaryFile = null,
    TimeSpan? CellTimeout = null,
    string? SolutionsDirectory = null);

/// <summary>Runs notebooks and folders of notebooks, writing executed notebooks, HTML pages and summary.json.</summary>
public static class NotebookRun
{
    /// <summary>The profile that applies each notebook's smoke overrides.</summary>
    public const string Smoke = "smoke";

    /// <summary>The profile that runs notebooks as written.</summary>
    public const string Full = "full";

    /// <summary>The notebooks <paramref name="paths"/> name: files as given, folders' *.ipynb in name order.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        var notebooks = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
                notebooks.AddRange(Directory.EnumerateFiles(path, "*.ipynb").Order(StringComparer.Ordinal));
            else if (File.Exists(path))
                notebooks.Add(path);
            else
                throw new FileNotFoundException($"No notebook or folder at '{path}'.", path);
        }
        return notebooks;
    }

    /// <summary>Runs the request; results come back in run order, and summary.json is written to its out folder.</summary>
    public static async Task<IReadOnlyList<NotebookResult>> RunAsync(RunRequest request, IRunProgress progress)
    {
        var notebooks = Expand(request.Paths);
        Directory.CreateDirectory(request.OutDirectory);
        var results = new List<NotebookResult>();
        foreach (var notebook in notebooks)
        {
            var name = Path.GetFileNameWithoutExtension(notebook);
            var executed = Path.Combine(request.OutDirectory, name + ".ipynb");
            var result = await NotebookExecutor.RunAsync(notebook, executed, new ExecutionSettings(request.Profile, request.Parameters, request.CellTimeout, request.SolutionsDirectory), progress);
            results.Add(Export(result, Path.Combine(request.OutDirectory, name + ".html")));
            if (!result.Ok && request.FailFast) break;
        }
        RunSummary.Write(request.SummaryFile ?? Path.Combine(request.OutDirectory, "summary.json"), request.Profile, results);
        return results;
    }

    static NotebookResult Export(NotebookResult result, string htmlPath)
    {
        if (result.ExecutedPath is null) return result;
        try
        {
            HtmlExport.Write(result.ExecutedPath, htmlPath);
            return result with { HtmlPath = Path.GetFullPath(htmlPath) };
        }
        catch (Exception e)
        {
            var error = $"{result.Name}: the HTML export failed: {e.Message}";
            return result with { Ok = false, Error = result.Error is null ? error : result.Error + "\n" + error };
        }
    }
}
