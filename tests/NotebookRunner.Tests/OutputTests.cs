using NotebookRunner.Tests.Support;
using static NotebookRunner.Tests.Support.Fixtures;

namespace NotebookRunner.Tests;

public class OutputTests
{
    [Fact]
    public async Task Console_display_update_trailing_value_png_and_await_work_as_in_the_kernel()
    {
        var directory = Directory.GetCurrentDirectory();
        var (results, outDir) = await RunAsync([Notebook("display-and-console")]);

        Assert.True(results.Single().Ok, results.Single().Error);
        Assert.Equal(directory, Directory.GetCurrentDirectory());
        var cells = CodeCells(Executed(outDir, "display-and-console"));

        Assert.Equal("to stdout\n", Stream(cells[0], "stdout"));
        Assert.Equal("to stderr\n", Stream(cells[0], "stderr"));

        var displays = Outputs(cells[1]);
        Assert.Equal(["display_data", "display_data"], displays.Select(o => o["output_type"]!.GetValue<string>()));
        Assert.Equal("second", displays[0]["data"]!["text/plain"]!.GetValue<string>());
        Assert.Contains("Name", displays[1]["data"]!["text/html"]!.GetValue<string>());
        Assert.NotNull(displays[1]["data"]!["text/plain"]);

        var result = Assert.Single(Outputs(cells[2]));
        Assert.Equal("execute_result", result["output_type"]!.GetValue<string>());
        Assert.Equal(3, result["execution_count"]!.GetValue<int>());
        Assert.Contains("42", result["data"]!["text/html"]!.GetValue<string>());

        var png = Assert.Single(Outputs(cells[3]));
        Assert.StartsWith("iVBORw0KGgo", png["data"]!["image/png"]!.GetValue<string>());

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
        Assert.True(File.Exists(Path.Combine(outDir, "display-and-console.html")));
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
