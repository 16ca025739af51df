using NotebookRunner.Parameters;
using static NotebookRunner.Tests.Support.Fixtures;

namespace NotebookRunner.Tests;

public class ParameterTests
{
    static KeyValuePair<string, string> P(string name, string value) => KeyValuePair.Create(name, value);

    [Fact]
    public async Task Full_profile_runs_the_parameters_cell_as_written()
    {
        var (results, outDir) = await RunAsync([Notebook("parameters")]);

        Assert.True(results.Single().Ok, results.Single().Error);
        var cells = CodeCells(Executed(outDir, "parameters"));
        Assert.Equal(2, cells.Count);
        Assert.Equal("epochs=10 label=full rate=0.5\n", Stream(cells[1], "stdout"));
    }

    [Fact]
    public async Task Smoke_profile_injects_the_notebooks_overrides_after_the_parameters_cell()
    {
        var (results, outDir) = await RunAsync([Notebook("parameters")], profile: "smoke");

        Assert.True(results.Single().Ok, results.Single().Error);
        var cells = CodeCells(Executed(outDir, "parameters"));
        Assert.Equal("injected-parameters", cells[1]["metadata"]!["tags"]![0]!.GetValue<string>());
        Assert.Equal("epochs=1 label=tiny rate=0.5\n", Stream(cells[2], "stdout"));
        Assert.Equal([2, null, 3], results.Single().Cells.Select(c => c.Index));
    }

    [Fact]
    public async Task Command_line_values_override_smoke_values()
    {
        var (results, outDir) = await RunAsync([Notebook("parameters")], profile: "smoke",
            parameters: [P("epochs", "3"), P("rate", "0.125"), P("label", "a \"quoted\" label")]);

        Assert.True(results.Single().Ok, results.Single().Error);
        Assert.Equal("epochs=3 label=a \"quoted\" label rate=0.125\n", Stream(CodeCells(Executed(outDir, "parameters"))[2], "stdout"));
    }

    [Fact]
    public async Task Parameters_for_a_notebook_without_a_parameters_cell_are_an_error_naming_it()
    {
        var (results, _) = await RunAsync([Notebook("compile-error")], parameters: [P("epochs", "1")]);

        Assert.False(results.Single().Ok);
        Assert.StartsWith("compile-error: parameters were given (epochs)", results.Single().Error);
    }

    [Theory]
    [InlineData("3", "3")]
    [InlineData("-2.5e-3", "-2.5e-3")]
    [InlineData("true", "true")]
    [InlineData("mnist", "\"mnist\"")]
    [InlineData("1.", "\"1.\"")]
    [InlineData("a\\b", "\"a\\\\b\"")]
    public void Command_line_values_become_csharp_literals(string value, string literal) =>
        Assert.Equal(literal, CSharpLiteral.FromText(value));
}
