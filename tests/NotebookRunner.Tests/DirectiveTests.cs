using NotebookRunner.Execution;

namespace NotebookRunner.Tests;

public class DirectiveTests
{
    [Fact]
    public void Directives_are_taken_out_and_code_keeps_its_line_numbers()
    {
        var cell = CellDirectives.Parse(
            "#!csharp\n#r \"nuget: TorchSharp-cpu, 0.107.0\"\n#r \"nuget:Humanizer.Core\"\n#i \"nuget: /tmp/feed\"\n#r \"../lib/x.dll\"\nvar a = 1;",
            "nb, cell 1");

        Assert.Equal([new PackageReference("TorchSharp-cpu", "0.107.0"), new PackageReference("Humanizer.Core", null)], cell.Packages);
        Assert.Equal(["/tmp/feed"], cell.Sources);
        Assert.Equal(["../lib/x.dll"], cell.AssemblyPaths);
        Assert.Equal("\n\n\n\n\nvar a = 1;", cell.Code);
    }

    [Fact]
    public void A_malformed_package_reference_names_the_cell_and_line() =>
        Assert.Equal("nb, cell 4, line 2: '#r \"nuget: A, 1, 2\"' is not a package reference; write '#r \"nuget: Id, Version\"'.",
            Assert.Throws<NotebookException>(() => CellDirectives.Parse("var a = 1;\n#r \"nuget: A, 1, 2\"", "nb, cell 4")).Message);
}
