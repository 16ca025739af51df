using System.Diagnostics;
using static NotebookRunner.Tests.Support.Fixtures;

namespace NotebookRunner.Tests;

public class FolderAndFormatTests
{
    [Fact]
    public async Task A_folder_runs_its_notebooks_in_name_order()
    {
        var (results, outDir) = await RunAsync([Path.Combine(Folder, "ordered")]);

        Assert.Equal(["a-first", "b-second"], results.Select(r => r.Name));
        Assert.True(File.Exists(Path.Combine(outDir, "summary.json")));
    }

    [Fact]
    public async Task Executed_notebooks_pass_nbformat_validation()
    {
        var (_, outDir) = await RunAsync([Notebook("display-and-console"), Notebook("fails-at-cell-3"), Notebook("parameters")], profile: "smoke");

        // Debian's python3-nbformat lives with the system python, not a pyenv one that may come first on PATH.
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("import sys, nbformat\nfor p in sys.argv[1:]: nbformat.validate(nbformat.read(p, as_version=4))\nprint(len(sys.argv) - 1)");
        foreach (var name in new[] { "display-and-console", "fails-at-cell-3", "parameters" }) start.ArgumentList.Add(Path.Combine(outDir, name + ".ipynb"));
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, $"nbformat validation failed (install it with 'apt-get install -y python3-nbformat'):\n{output}");
        Assert.Equal("3", output.Trim());
    }
}
