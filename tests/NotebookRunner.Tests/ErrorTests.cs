using NotebookRunner.Tests.Support;
using static NotebookRunner.Tests.Support.Fixtures;

namespace NotebookRunner.Tests;

public class ErrorTests
{
    [Fact]
    public async Task A_runtime_exception_stops_the_notebook_and_names_the_cell()
    {
        var (results, outDir) = await RunAsync([Notebook("fails-at-cell-3"), Notebook("parameters")]);

        var failed = results[0];
        Assert.False(failed.Ok);
        Assert.Contains("fails-at-cell-3, cell 3: System.InvalidOperationException", failed.Error);
        Assert.Contains("boom at x=1", failed.Error);
        Assert.True(results[1].Ok, "the next notebook still runs");

        var cells = CodeCells(Executed(outDir, "fails-at-cell-3"));
        Assert.Equal("before the failure\n", Stream(cells[0], "stdout"));
        var output = Assert.Single(Outputs(cells[1]));
        Assert.Equal("error", output["output_type"]!.GetValue<string>());
        Assert.Equal("System.InvalidOperationException", output["ename"]!.GetValue<string>());
        Assert.Contains(output["traceback"]!.AsArray(), l => l!.GetValue<string>().Contains("fails-at-cell-3, cell 3"));
        Assert.Empty(Outputs(cells[2]));
        Assert.Null(cells[2]["execution_count"]);
    }

    [Fact]
    public async Task Fail_fast_stops_at_the_first_failed_notebook()
    {
        var (results, _) = await RunAsync([Notebook("fails-at-cell-3"), Notebook("parameters")], failFast: true);

        Assert.Equal(["fails-at-cell-3"], results.Select(r => r.Name));
    }

    [Fact]
    public async Task The_CLI_exits_non_zero_when_a_notebook_failed_and_writes_the_summary()
    {
        var run = await RunnerCli.RunAsync(Notebook("fails-at-cell-3"), "--profile", "smoke");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("smoke", run.Summary!["profile"]!.GetValue<string>());
        var failed = run.Notebook("fails-at-cell-3");
        Assert.Equal("failed", failed["status"]!.GetValue<string>());
        Assert.Contains("cell 3: System.InvalidOperationException: boom at x=1", failed["error"]!.GetValue<string>());
        Assert.Contains("fails-at-cell-3", run.Output);
    }

    [Fact]
    public async Task A_compile_error_reports_the_compiler_diagnostics_with_line_and_column()
    {
        var (results, outDir) = await RunAsync([Notebook("compile-error")]);

        Assert.Contains("compile-error, cell 2: (2,9): error CS0103", results.Single().Error);
        var error = Assert.Single(Outputs(CodeCells(Executed(outDir, "compile-error"))[1]));
        Assert.Contains(error["traceback"]!.AsArray(), l => l!.GetValue<string>().Contains("(2,9): error CS0103: The name 'undefinedName' does not exist"));
    }

    [Fact]
    public async Task An_unknown_magic_is_an_error_naming_notebook_and_cell()
    {
        var (results, _) = await RunAsync([Notebook("unknown-magic")]);

        Assert.False(results.Single().Ok);
        Assert.StartsWith("unknown-magic, cell 2: (1,1): error DNI", results.Single().Error);
    }
}
