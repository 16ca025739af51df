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

    [Fact]
    public async Task An_unknown_parameter_name_is_an_error_listing_the_defined_names()
    {
        var (results, _) = await RunAsync([Notebook("parameters")], parameters: [P("epoch", "3")]);

        Assert.False(results.Single().Ok);
        Assert.Equal("parameters: 'epoch' is not defined in the 'parameters' cell, which defines: epochs, label, rate.", results.Single().Error);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_an_error_naming_the_parameter_and_its_type()
    {
        var (results, outDir) = await RunAsync([Notebook("parameters")], parameters: [P("epochs", "2.5")]);

        Assert.False(results.Single().Ok);
        Assert.StartsWith("parameters: parameter 'epochs' has type int in the 'parameters' cell, and '2.5' is not a valid int.", results.Single().Error);
        var injected = CodeCells(Executed(outDir, "parameters"))[1];
        Assert.Equal("error", Outputs(injected).Single()["output_type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("3", typeof(int), "3")]
    [InlineData("-2.5e-3", typeof(double), "-0.0025d")]
    [InlineData("0.5", typeof(float), "0.5f")]
    [InlineData("7", typeof(long), "7L")]
    [InlineData("true", typeof(bool), "true")]
    [InlineData("mnist", typeof(string), "\"mnist\"")]
    [InlineData("a\\b", typeof(string), "\"a\\\\b\"")]
    public void Values_become_literals_of_the_declared_type(string value, Type type, string literal) =>
        Assert.Equal(literal, ParameterInjector.Literal("nb", "p", value, type));

    [Fact]
    public void Names_come_from_the_parameters_cells_top_level_declarations() =>
        Assert.Equal(["epochs", "rate", "a", "b"], ParameterInjector.DeclaredNames("var epochs = 10; // full size\ndouble rate = 0.5;\nint a = 1, b = 2;\nConsole.WriteLine(epochs);"));
}
