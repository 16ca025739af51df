using NotebookRunner.Tests.Support;
using static NotebookRunner.Tests.Support.Fixtures;

namespace NotebookRunner.Tests;

/// <summary>Each run is its own process: the course's setup changes assembly loading for the whole process, as in the kernel.</summary>
public class KernelFidelityTests
{
    [Fact]
    public async Task Plotly_NET_6_fails_without_the_courses_setup_as_in_the_kernel()
    {
        var run = await RunnerCli.RunAsync(Notebook("plotly-without-setup"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Could not load file or assembly 'FSharp.Core, Version=10.1.0.0", run.Notebook("plotly-without-setup")["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Plotly_NET_6_charts_render_as_html_after_the_courses_setup_and_metrics_reach_the_summary()
    {
        var run = await RunnerCli.RunAsync(Notebook("plotly-with-setup"));

        Assert.True(run.ExitCode == 0, run.Output);
        var cells = CodeCells(Executed(run.OutDirectory, "plotly-with-setup"));
        foreach (var chartCell in cells.Skip(1).Take(2))
            Assert.Contains("renderPlotly", Outputs(chartCell).Single()["data"]!["text/html"]!.GetValue<string>());
        var metrics = run.Notebook("plotly-with-setup")["metrics"]!;
        Assert.Equal(42, metrics["answer"]!.GetValue<double>());
        Assert.Equal(0.25, metrics["ratio"]!.GetValue<double>());
    }
}
