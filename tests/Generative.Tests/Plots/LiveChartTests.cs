using System.Text.RegularExpressions;
using Generative.Plots;
using Microsoft.DotNet.Interactive.Formatting;
using TorchSharp;

namespace Generative.Tests.Plots;

/// <summary>Stands in for the notebook host: records every display as the HTML the kernel would send.</summary>
sealed class FakeHost
{
    public List<string> Outputs { get; } = [];

    public object? Display(object value)
    {
        Outputs.Add(Formatter.ToDisplayString(value, HtmlFormatter.MimeType));
        return null;
    }
}

// NotebookDisplay is process-wide, so the tests that hand it a host run one at a time.
[CollectionDefinition(nameof(NotebookHost), DisableParallelization = true)]
public class NotebookHost;

[Collection(nameof(NotebookHost))]
public class LiveChartTests
{
    static T WithHost<T>(FakeHost host, Func<T> body)
    {
        NotebookDisplay.Use(host.Display);
        try { return body(); }
        finally { NotebookDisplay.Use(null); }
    }

    static void AssertOneKeyAndHidingScript(IReadOnlyList<string> outputs, string key)
    {
        var sequences = new List<int>();
        foreach (var html in outputs)
        {
            var keys = Regex.Matches(html, "data-live-chart=\"([0-9a-f]+)\"").Select(m => m.Groups[1].Value).Distinct().ToArray();
            Assert.Equal([key], keys);
            Assert.Contains($"('{key}')", html); // the hiding script runs for this chart's key
            Assert.Contains("style.display = 'none'", html);
            Assert.Contains("Plotly.newPlot", html);
            sequences.Add(int.Parse(Regex.Match(html, "data-live-seq=\"(\\d+)\"").Groups[1].Value));
        }
        Assert.Equal(Enumerable.Range(1, outputs.Count), sequences);
    }

    [Fact]
    public void Live_curves_show_every_epoch_as_a_new_output_of_the_same_key()
    {
        var host = new FakeHost();
        var live = WithHost(host, () =>
        {
            var curves = LiveCurves.Show("VAE loss", "epoch", "nats/image");
            Action<int, IReadOnlyDictionary<string, double>> callback = curves.Add; // usable as a training callback
            for (var epoch = 1; epoch <= 3; epoch++)
                callback(epoch, new Dictionary<string, double> { ["train"] = 200.0 / epoch, ["test"] = 210.0 / epoch });
            return curves;
        });
        Assert.Equal(3, host.Outputs.Count);
        AssertOneKeyAndHidingScript(host.Outputs, live.Output.Key);

        var json = new ChartJson(live.Chart);
        Assert.Equal(["scatter", "scatter"], json.TraceTypes);
        Assert.Equal("epoch", json.AxisTitle("xaxis"));
        Assert.Equal("nats/image", json.AxisTitle("yaxis"));
        Assert.Equal([200.0, 100.0, 200.0 / 3], json.Traces[0].GetProperty("y").EnumerateArray().Select(v => v.GetDouble()).ToArray());
    }

    [Fact]
    public void Live_images_show_the_latest_snapshot_and_its_epoch()
    {
        using var scope = torch.NewDisposeScope();
        var host = new FakeHost();
        var live = WithHost(host, () =>
        {
            var images = LiveImages.Show("GAN samples", columns: 4);
            images.Add(1, torch.zeros(8, 1, 6, 6));
            images.Add(2, torch.ones(8, 1, 6, 6));
            return images;
        });
        Assert.Equal(2, host.Outputs.Count);
        AssertOneKeyAndHidingScript(host.Outputs, live.Output.Key);
        Assert.Equal(2, live.Epoch);
        var json = new ChartJson(live.Chart!);
        json.AssertImageFigure();
        Assert.Equal("GAN samples (epoch 2)", json.Title);
        Assert.All(json.Z().SelectMany(r => r).Where(v => !double.IsNaN(v)), v => Assert.Equal(1.0, v));
    }

    [Fact]
    public void Without_a_host_live_plots_keep_their_chart_and_show_nothing()
    {
        NotebookDisplay.Use(null);
        var curves = LiveCurves.Show("loss", "epoch", "loss");
        curves.Add(1, new Dictionary<string, double> { ["train"] = 1.0 });
        Assert.Single(curves.Series["train"]);
        Assert.NotNull(curves.Output.Current);
    }

    [Fact]
    public void Live_chart_output_is_html_to_the_formatter()
    {
        var live = new LiveChart();
        var chart = TrainingCurves.Show("loss", "epoch", "loss", new Dictionary<string, IReadOnlyList<double>> { ["train"] = [3.0, 2.0] });
        ChartFormatter.Register();
        var html = Formatter.ToDisplayString(live.Render(chart), HtmlFormatter.MimeType);
        Assert.StartsWith($"<div data-live-chart=\"{live.Key}\" data-live-seq=\"1\">", html);
    }
}
