using Generative.Plots;
using TorchSharp;

namespace Generative.Tests.Plots;

public class ContourAndSideBySideTests
{
    static double[] Numbers(System.Text.Json.JsonElement trace, string axis) =>
        trace.GetProperty(axis).EnumerateArray().Select(v => v.GetDouble()).ToArray();

    [Fact]
    public void Gaussian_contours_lie_at_one_two_and_three_mahalanobis_units()
    {
        using var scope = torch.NewDisposeScope();
        // A correlated covariance, so a wrong factorisation (e.g. axis-aligned ellipses) would put points off their distance.
        var (mean, covariance) = (torch.tensor(new[] { 1.0, -2.0 }), torch.tensor(new[,] { { 2.0, 1.2 }, { 1.2, 1.0 } }));
        var json = new ChartJson(GaussianContours.Show("posterior", [("p", mean, covariance), ("prior", torch.zeros(2), torch.eye(2))]));
        var precision = torch.linalg.inv(covariance);
        var (a, b, d) = (precision[0, 0].item<double>(), precision[0, 1].item<double>(), precision[1, 1].item<double>());
        var lines = json.Traces.Where(t => t.GetProperty("name").GetString() == "p" && t.GetProperty("mode").GetString() == "lines").ToArray();
        Assert.Equal(3, lines.Length);
        foreach (var (line, r) in lines.Zip(new[] { 1.0, 2.0, 3.0 }))
            foreach (var (x, y) in Numbers(line, "x").Zip(Numbers(line, "y")))
            {
                var (dx, dy) = (x - 1.0, y + 2.0);
                Assert.Equal(r, Math.Sqrt(a * dx * dx + 2 * b * dx * dy + d * dy * dy), 2);
            }
        Assert.Equal(2, json.Traces.Count(t => t.GetProperty("showlegend").GetBoolean())); // one legend entry per Gaussian
        Assert.Equal("x", json.Layout.GetProperty("yaxis").GetProperty("scaleanchor").GetString());
        Assert.Throws<ArgumentException>(() => GaussianContours.Show("bad", [("singular", torch.zeros(2), torch.ones(2, 2))]));
    }

    [Fact]
    public void Side_by_side_codes_use_two_equally_scaled_panels_and_one_legend()
    {
        using var scope = torch.NewDisposeScope();
        var labels = torch.tensor(Enumerable.Range(0, 20).Select(i => (long)(i % 2)).ToArray());
        var (left, right) = (torch.randn(20, 2), torch.randn(20, 2) * 10);
        var json = new ChartJson(LatentScatter.SideBySide(left, right, labels, "codes", "AE", "VAE"));
        var leftTraces = json.Traces.Where(t => t.GetProperty("xaxis").GetString() == "x").ToArray();
        var rightTraces = json.Traces.Where(t => t.GetProperty("xaxis").GetString() == "x2").ToArray();
        Assert.Equal(2, leftTraces.Length);
        Assert.Equal(2, rightTraces.Length);
        Assert.All(rightTraces, t => Assert.Equal("y2", t.GetProperty("yaxis").GetString()));
        Assert.All(leftTraces, t => Assert.True(t.GetProperty("showlegend").GetBoolean()));
        Assert.All(rightTraces, t => Assert.False(t.GetProperty("showlegend").GetBoolean()));
        // The right panel's points are the right tensor's, label by label.
        Assert.Equal(right[labels.eq(1)][.., 0].contiguous().data<float>().Select(v => Math.Round((double)v, 4)).ToArray(), Numbers(rightTraces[1], "x"));
        Assert.Equal("x2", json.Layout.GetProperty("yaxis2").GetProperty("scaleanchor").GetString());
        Assert.Equal(["AE", "VAE"], json.Annotations.ToArray());
        Assert.Throws<ArgumentException>(() => LatentScatter.SideBySide(left, torch.randn(20, 3), labels, "codes", "AE", "VAE"));
    }

    [Fact]
    public void Named_point_sets_are_one_trace_each_with_their_own_points()
    {
        using var scope = torch.NewDisposeScope();
        var (data, fake) = (torch.randn(30, 2), torch.randn(10, 2) + 5);
        var json = new ChartJson(LatentScatter.Show([("data", data), ("G after training", fake)], "toy"));
        Assert.Equal(["data", "G after training"], json.Traces.Select(t => t.GetProperty("name").GetString()!).ToArray());
        Assert.Equal(fake[.., 1].contiguous().data<float>().Select(v => Math.Round((double)v, 4)).ToArray(), Numbers(json.Traces[1], "y"));
        Assert.Equal("x", json.Layout.GetProperty("yaxis").GetProperty("scaleanchor").GetString());
        var error = Assert.Throws<ArgumentException>(() => LatentScatter.Show([("data", data), ("flat", torch.randn(10))], "toy"));
        Assert.Contains("'flat'", error.Message);
    }
}
