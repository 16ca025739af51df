using Generative.Plots;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace Generative.Tests.Plots;

public class ChartFormatterTests
{
    static GenericChart Sample() =>
        TrainingCurves.Show("loss", "epoch", "loss", new Dictionary<string, IReadOnlyList<double>> { ["train"] = [3.0, 2.0, 1.5] });

    [Fact]
    public void Plotly_js_is_embedded_with_its_version()
    {
        Assert.Matches(@"^2\.\d+\.\d+$", PlotlyJs.Version);
        Assert.True(PlotlyJs.Source.Length > 1_000_000, "the full minified bundle is several megabytes");
        Assert.Contains($"\"{PlotlyJs.Version}\"", PlotlyJs.Source);
        Assert.Equal($"https://cdn.plot.ly/plotly-{PlotlyJs.Version}.min.js", PlotlyJs.CdnUrl);
    }

    [Fact]
    public void Chart_html_draws_with_existing_plotly_or_loads_it()
    {
        var html = ChartFormatter.ToEmbeddedHtml(Sample(), "chart-1");
        Assert.StartsWith("<div id=\"chart-1\"></div>", html);
        Assert.Contains("if (window.Plotly) { draw(window.Plotly); return; }", html);
        Assert.Contains("window.requirejs", html);
        Assert.Contains($"'{PlotlyJs.CdnUrl}'", html);
        Assert.Contains("\"title\":{\"text\":\"loss\"}", html);
        Assert.Equal(html, ChartFormatter.ToEmbeddedHtml(Sample(), "chart-1")); // deterministic apart from the id
    }

    [Fact]
    public void Registered_formatter_gives_the_self_loading_html()
    {
        ChartFormatter.Register();
        var html = Formatter.ToDisplayString(Sample(), HtmlFormatter.MimeType);
        Assert.Contains("Plotly.newPlot(id, fig.data, fig.layout, fig.config)", html);
        Assert.Contains("<div id=\"plotly-", html);
    }
}
