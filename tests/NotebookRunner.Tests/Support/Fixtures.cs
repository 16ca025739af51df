using System.Text.Json.Nodes;
using NotebookRunner.Running;

namespace NotebookRunner.Tests.Support;

/// <summary>Finds fixture notebooks and runs them, in this process or through the CLI.</summary>
public static class Fixtures
{
    /// <summary>The repository root (the folder holding course.sln).</summary>
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>The folder of hand-written fixture notebooks.</summary>
    public static string Folder => Path.Combine(RepoRoot, "tests", "NotebookRunner.Tests", "Fixtures");

    /// <summary>The path of fixture <paramref name="name"/> (without .ipynb).</summary>
    public static string Notebook(string name) => Path.Combine(Folder, name + ".ipynb");

    /// <summary>A fresh output folder for one test.</summary>
    public static string NewOutDirectory() => Directory.CreateTempSubdirectory("runner-test-").FullName;

    /// <summary>Runs fixtures in this process and returns their results and the out folder.</summary>
    public static async Task<(IReadOnlyList<NotebookResult> Results, string Out)> RunAsync(IEnumerable<string> paths, string profile = NotebookRun.Full,
        IReadOnlyList<KeyValuePair<string, string>>? parameters = null, IRunProgress? progress = null, bool failFast = false)
    {
        var outDir = NewOutDirectory();
        var results = await NotebookRun.RunAsync(new RunRequest(paths.ToList(), profile, parameters ?? [], outDir, failFast), progress ?? new RecordingProgress());
        return (results, outDir);
    }

    /// <summary>The executed notebook <paramref name="name"/> in <paramref name="outDir"/>.</summary>
    public static JsonObject Executed(string outDir, string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, name + ".ipynb")))!.AsObject();

    /// <summary>The code cells of an executed notebook.</summary>
    public static List<JsonObject> CodeCells(JsonObject notebook) =>
        notebook["cells"]!.AsArray().OfType<JsonObject>().Where(c => c["cell_type"]!.GetValue<string>() == "code").ToList();

    /// <summary>The outputs of a cell.</summary>
    public static List<JsonObject> Outputs(JsonObject cell) => cell["outputs"]!.AsArray().OfType<JsonObject>().ToList();

    /// <summary>The concatenated stream text of <paramref name="name"/> (stdout or stderr) in a cell.</summary>
    public static string Stream(JsonObject cell, string name) =>
        string.Concat(Outputs(cell).Where(o => o["output_type"]!.GetValue<string>() == "stream" && o["name"]!.GetValue<string>() == name)
            .Select(o => Text(o["text"])));

    /// <summary>A multiline nbformat string, written either as one string or as a list of lines.</summary>
    public static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l!.GetValue<string>())),
        null => "",
        _ => node.GetValue<string>(),
    };

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "course.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No course.sln above {AppContext.BaseDirectory}; run the tests from the repository.");
    }
}
