using NotebookRunner.Tests.Support;
using static NotebookRunner.Tests.Support.Fixtures;

namespace NotebookRunner.Tests;

public class PackageTests
{
    [Fact]
    public async Task Nuget_packages_are_restored_by_the_kernel_and_loaded_into_the_default_context()
    {
        var (results, outDir) = await RunAsync([Notebook("nuget-humanizer")]);

        Assert.True(results.Single().Ok, results.Single().Error);
        var cells = CodeCells(Executed(outDir, "nuget-humanizer"));
        Assert.Equal("default context: True\n", Stream(cells[1], "stdout"));
        Assert.Equal("some title here", Text(Outputs(cells[1]).Single(o => o["output_type"]!.GetValue<string>() == "execute_result")["data"]!["text/plain"]));
    }

    [Fact]
    public async Task A_failed_restore_names_the_package()
    {
        var (results, _) = await RunAsync([Notebook("nuget-missing")]);

        Assert.False(results.Single().Ok);
        Assert.StartsWith("nuget-missing, cell 1:", results.Single().Error);
        Assert.Contains("error NU1101: Unable to find package No.Such.Package.For.The.Runner", results.Single().Error);
    }
}
