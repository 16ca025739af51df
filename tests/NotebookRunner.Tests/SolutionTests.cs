using NotebookRunner.Running;
using NotebookRunner.Tests.Support;
using static NotebookRunner.Tests.Support.Fixtures;

namespace NotebookRunner.Tests;

/// <summary>--solutions: a notebook's solution file takes the place of its cell tagged 'exercise', and a mismatch is an error that names the file.</summary>
public class SolutionTests
{
    static async Task<(NotebookResult Result, string Out)> RunAsync(string notebook, string? solutions)
    {
        var outDir = NewOutDirectory();
        var results = await NotebookRun.RunAsync(new RunRequest([notebook], NotebookRun.Full, [], outDir, false, SolutionsDirectory: solutions), new RecordingProgress());
        return (results.Single(), outDir);
    }

    static string Shown(System.Text.Json.Nodes.JsonObject cell) =>
        string.Concat(Outputs(cell).Select(o => Text(o["data"]?["text/plain"])));

    [Fact]
    public async Task Without_solutions_the_answer_cell_runs_as_written()
    {
        var (result, outDir) = await RunAsync(Notebook("exercise"), null);

        Assert.True(result.Ok, result.Error);
        Assert.Equal("not attempted", Shown(CodeCells(Executed(outDir, "exercise"))[1]));
    }

    [Fact]
    public async Task With_solutions_the_solution_file_replaces_the_answer_cell_and_the_executed_notebook_shows_it()
    {
        var (result, outDir) = await RunAsync(Notebook("exercise"), Path.Combine(Folder, "solutions"));

        Assert.True(result.Ok, result.Error);
        var cells = CodeCells(Executed(outDir, "exercise"));
        Assert.Equal(2, cells.Count);
        Assert.Equal("double? answer = 42;", Text(cells[0]["source"]).TrimEnd());
        Assert.Equal("exercise", cells[0]["metadata"]!["tags"]![0]!.GetValue<string>());
        Assert.Equal("answer 42", Shown(cells[1]));
    }

    [Fact]
    public async Task An_answer_cell_without_a_solution_file_fails_the_notebook_naming_the_missing_file()
    {
        var empty = Directory.CreateTempSubdirectory("no-solutions-").FullName;
        var (result, _) = await RunAsync(Notebook("exercise"), empty);

        Assert.False(result.Ok);
        Assert.Contains($"{Path.Combine(empty, "exercise.csx")} does not exist", result.Error);
    }

    [Fact]
    public async Task A_solution_for_a_notebook_without_an_answer_cell_fails_it()
    {
        var folder = Directory.CreateTempSubdirectory("solutions-").FullName;
        File.WriteAllText(Path.Combine(folder, "parameters.csx"), "var x = 1;");
        var (result, _) = await RunAsync(Notebook("parameters"), folder);

        Assert.False(result.Ok);
        Assert.Contains("no code cell of the notebook is tagged 'exercise'", result.Error);
    }

    [Fact]
    public async Task A_solutions_folder_that_does_not_exist_is_an_error_not_an_unsolved_run()
    {
        var (result, _) = await RunAsync(Notebook("exercise"), Path.Combine(Folder, "no-such-folder"));

        Assert.False(result.Ok);
        Assert.Contains("does not exist", result.Error);
    }
}
