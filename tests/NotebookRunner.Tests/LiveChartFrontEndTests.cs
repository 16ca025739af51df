using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NotebookRunner.Export;
using HeadlessChromium = NotebookRunner.Tests.Export.HeadlessChromium;
using NotebookRunner.Tests.Support;

namespace NotebookRunner.Tests;

/// <summary>A three-epoch training cell with a live chart, executed through Jupyter and through the runner (which stores
/// outputs as VS Code does), must end showing one chart holding every epoch's point.</summary>
[Trait("Category", "Slow")]
public partial class LiveChartFrontEndTests(HeadlessChromium chromium) : IClassFixture<HeadlessChromium>
{
    const int Epochs = 3;

    [Fact]
    public async Task Through_jupyter_the_training_cell_ends_showing_one_chart_with_every_epoch()
    {
        Jupyter.RequirePrerequisites();
        var outDirectory = Fixtures.NewOutDirectory();
        var notebook = JsonNode.Parse(File.ReadAllText(Fixtures.Notebook("live-training")))!.AsObject();
        var execution = Jupyter.Execute("live-training", notebook, Fixtures.Folder, outDirectory, new Dictionary<string, string>(), TimeSpan.FromMinutes(5));
        Assert.True(execution.Ok && execution.Executed is not null, $"live-training failed under Jupyter:\n{execution.Output}");
        Assert.Equal<double?>(Epochs, execution.Metrics["live_points"]);
        await AssertOneLiveChartWithEveryEpoch(Path.Combine(outDirectory, "live-training.ipynb"), execution.Executed!);
    }

    [Fact]
    public async Task Through_the_runner_the_training_cell_ends_showing_one_chart_with_every_epoch()
    {
        // A guard against a hung kernel: on a busy 2-core machine the first #r "nuget:" restore alone can take minutes.
        var run = await RunnerCli.RunAsync(TimeSpan.FromMinutes(10), Fixtures.Notebook("live-training"));
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(Epochs, run.Notebook("live-training")["metrics"]!["live_points"]!.GetValue<double>());
        await AssertOneLiveChartWithEveryEpoch(Path.Combine(run.OutDirectory, "live-training.ipynb"), Fixtures.Executed(run.OutDirectory, "live-training"));
    }

    async Task AssertOneLiveChartWithEveryEpoch(string executedPath, JsonObject executed)
    {
        // The stored outputs all belong to the one live chart, so the page below shows what the training cell left.
        var live = Fixtures.CodeCells(executed).SelectMany(Fixtures.Outputs)
            .Select(o => Fixtures.Text(o["data"]?["text/html"])).Where(h => h.Contains("data-live-chart")).ToList();
        Assert.NotEmpty(live);
        Assert.Single(live.Select(h => LiveKey().Match(h).Groups[1].Value).Distinct());

        // What a reader sees once the outputs' scripts ran, as in VS Code, JupyterLab and the exported page.
        var work = Directory.CreateTempSubdirectory("live-page-");
        var tab = await chromium.Context.NewPageAsync();
        try
        {
            var page = Path.Combine(work.FullName, "live-training.html");
            HtmlExport.Write(executedPath, page);
            await tab.GotoAsync(new Uri(page).AbsoluteUri, new() { WaitUntil = WaitUntilState.Load, Timeout = 120_000 });
            await tab.WaitForSelectorAsync("[data-live-chart] svg.main-svg", new() { Timeout = 60_000 });
            var visible = await tab.EvaluateAsync<int[][]>("""
                () => Array.from(document.querySelectorAll('[data-live-chart]'))
                  .filter(el => el.offsetParent !== null)
                  .map(el => Array.from(el.querySelectorAll('.js-plotly-plot')).flatMap(p => p.data.map(t => t.y.length)))
                """);
            var chart = Assert.Single(visible);
            Assert.Equal([Epochs], chart);
        }
        finally
        {
            await tab.CloseAsync();
            work.Delete(recursive: true);
        }
    }

    [GeneratedRegex("data-live-chart=\"([0-9a-f]+)\"")]
    private static partial Regex LiveKey();
}
