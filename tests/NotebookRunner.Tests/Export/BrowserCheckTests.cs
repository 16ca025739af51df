using Microsoft.Playwright;
using NotebookRunner.Export;

namespace NotebookRunner.Tests.Export;

/// <summary>Opens exported pages in headless Chromium with the network cut off: charts must draw, math must typeset, the console must stay clean.</summary>
public class BrowserCheckTests(HeadlessChromium chromium) : IClassFixture<HeadlessChromium>
{
    [Fact]
    public Task Executed_notebook_renders_charts_and_math_offline() => CheckPage(Fixtures.Executed, expectedCharts: 1, expectedMath: 2);

    [Fact]
    public Task Notebook_without_charts_renders_math_offline() => CheckPage(Fixtures.NoCharts, expectedCharts: 0, expectedMath: 1);

    private async Task CheckPage(string fixture, int expectedCharts, int expectedMath)
    {
        var work = Directory.CreateTempSubdirectory("export-page-");
        var tab = await chromium.Context.NewPageAsync();
        try
        {
            var file = Path.Combine(work.FullName, Path.GetFileNameWithoutExtension(fixture) + ".html");
            HtmlExport.Write(fixture, file);
            var url = new Uri(file).AbsoluteUri;
            var problems = new List<string>();
            // Anything but the page itself (inline data: URLs never reach the router) would be a fetch that fails offline.
            await tab.RouteAsync("**/*", route =>
            {
                if (route.Request.Url == url) return route.ContinueAsync();
                problems.Add($"request to {route.Request.Url}");
                return route.AbortAsync();
            });
            tab.Console += (_, message) => { if (message.Type == "error") problems.Add($"console error: {message.Text}"); };
            tab.PageError += (_, error) => problems.Add($"page error: {error}");

            await tab.GotoAsync(url, new() { WaitUntil = WaitUntilState.Load, Timeout = 20_000 });

            // A chart output is the div that its sibling script hands to Plotly.newPlot / Plotly.react.
            var chartIds = await tab.EvaluateAsync<string[]>("""
                () => Array.from(document.querySelectorAll('.output script'))
                  .map(s => /Plotly\.(?:newPlot|react)\(\s*['"]([^'"]+)['"]/.exec(s.textContent))
                  .filter(m => m !== null).map(m => m[1])
                """);
            Assert.Equal(expectedCharts, chartIds.Length);
            foreach (var id in chartIds)
            {
                try
                {
                    await tab.WaitForSelectorAsync($"[id='{id}'] svg.main-svg", new() { State = WaitForSelectorState.Attached, Timeout = 10_000 });
                }
                catch (TimeoutException)
                {
                    Assert.Fail($"Chart '{id}' drew no svg.main-svg within 10 s. Page problems: {string.Join("; ", problems)}");
                }
            }

            var math = await tab.EvaluateAsync<int[]>(
                "() => [document.querySelectorAll('.math').length, document.querySelectorAll('.math .katex').length, document.querySelectorAll('.katex-error').length]");
            Assert.Equal([expectedMath, expectedMath, 0], math);

            Assert.Empty(problems);
        }
        finally
        {
            await tab.CloseAsync();
            work.Delete(recursive: true);
        }
    }
}
