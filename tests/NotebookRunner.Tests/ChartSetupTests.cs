using NotebookRunner.Tests.Support;
using static NotebookRunner.Tests.Support.Fixtures;

namespace NotebookRunner.Tests;

/// <summary>Through the CLI: the course's setup changes assembly loading for a whole process, as it does in the kernel.</summary>
public class ChartSetupTests
{
    [Fact]
    public async Task Plotly_NET_6_charts_work_after_the_courses_setup_and_fail_without_it_even_when_run_next()
    {
        // The notebook with the setup runs first: one process per notebook keeps its resolver from rescuing the next one.
        var run = await RunnerCli.RunAsync(Notebook("plotly-with-setup"), Notebook("plotly-without-setup"));

        Assert.Equal(1, run.ExitCode);
        var with = run.Notebook("plotly-with-setup");
        Assert.True(with["status"]!.GetValue<string>() == "ok", run.Output);
        var cells = CodeCells(Executed(run.OutDirectory, "plotly-with-setup"));
        Assert.Contains("Plotly.newPlot", Text(Outputs(cells[1]).Single()["data"]!["text/html"]));
        // With the course's fix installed first, Plotly.NET.Interactive 6.0.0 loads as a kernel extension and its formatter takes over charts.
        var extensionChart = Outputs(cells[2]).Single(o => o["output_type"]!.GetValue<string>() == "execute_result");
        Assert.Contains("renderPlotly_", Text(extensionChart["data"]!["text/html"]));
        Assert.Equal(42, with["metrics"]!["answer"]!.GetValue<double>());
        Assert.Equal(0.25, with["metrics"]!["ratio"]!.GetValue<double>());

        var without = run.Notebook("plotly-without-setup");
        Assert.Equal("failed", without["status"]!.GetValue<string>());
        Assert.Contains("Could not load file or assembly 'FSharp.Core, Version=10.1.0.0", without["error"]!.GetValue<string>());
    }
}
