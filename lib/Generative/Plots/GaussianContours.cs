using Plotly.NET;
using static TorchSharp.torch;

namespace Generative.Plots;

/// <summary>2-d Gaussians drawn as their density contours: the ellipses at 1, 2 and 3 standard deviations (Mahalanobis distance), e.g. a
/// posterior against an approximation of it.</summary>
public static class GaussianContours
{
    static readonly string[] Colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"];

    /// <summary>One colour per Gaussian, its mean marked, its ellipses drawn on equally scaled axes so a correlation shows as a tilt.</summary>
    /// <param name="title">The chart's title.</param>
    /// <param name="gaussians">Name, mean [2] and covariance [2,2] of each Gaussian.</param>
    /// <param name="xLabel">The x axis label.</param>
    /// <param name="yLabel">The y axis label.</param>
    public static GenericChart Show(string title, IReadOnlyList<(string Name, Tensor Mean, Tensor Covariance)> gaussians, string xLabel = "z1", string yLabel = "z2")
    {
        ArgumentNullException.ThrowIfNull(gaussians);
        if (gaussians.Count == 0) throw new ArgumentException("Pass at least one Gaussian.", nameof(gaussians));
        var traces = new List<Trace>();
        foreach (var ((name, mean, covariance), k) in gaussians.Select((g, k) => (g, k)))
        {
            var m = Values(mean, [2], name, "mean");
            var c = Values(covariance, [2, 2], name, "covariance");
            // Cholesky factor L of the covariance: mean + r·L·(cos t, sin t) is the contour at Mahalanobis distance r.
            var l00 = Math.Sqrt(c[0]);
            var l10 = c[2] / l00;
            var l11 = Math.Sqrt(c[3] - l10 * l10);
            if (!double.IsFinite(l11) || l11 <= 0) throw new ArgumentException($"the covariance of '{name}' is not positive definite.", nameof(gaussians));
            var color = Colors[k % Colors.Length];
            foreach (var r in new[] { 1.0, 2.0, 3.0 })
            {
                var t = Enumerable.Range(0, 97).Select(i => 2 * Math.PI * i / 96).ToArray();
                traces.Add(new Trace2D("scatter").With("name", name).With("legendgroup", name).With("showlegend", r == 1.0).With("mode", "lines")
                    .With("x", t.Select(a => Math.Round(m[0] + r * l00 * Math.Cos(a), 4)).ToArray())
                    .With("y", t.Select(a => Math.Round(m[1] + r * (l10 * Math.Cos(a) + l11 * Math.Sin(a)), 4)).ToArray())
                    .With("line", new Plotly.NET.Line().With("color", color).With("width", 2.5 - 0.5 * r)));
            }
            traces.Add(new Trace2D("scatter").With("name", name).With("legendgroup", name).With("showlegend", false).With("mode", "markers")
                .With("x", new[] { m[0] }).With("y", new[] { m[1] })
                .With("marker", new Plotly.NET.TraceObjects.Marker().With("color", color).With("size", 8)));
        }
        return Figure.Style(Figure.Of(traces.ToArray()), title, 640, 520, Figure.ValueAxis(xLabel), Figure.EqualScaleAxis(yLabel), showLegend: true);
    }

    static double[] Values(Tensor t, long[] shape, string name, string what)
    {
        ArgumentNullException.ThrowIfNull(t);
        if (!t.shape.SequenceEqual(shape))
            throw new ArgumentException($"the {what} of '{name}' must be shaped [{string.Join(",", shape)}]; got [{string.Join(",", t.shape)}].", what);
        using var scope = NewDisposeScope();
        return t.detach().cpu().to_type(ScalarType.Float64).contiguous().data<double>().ToArray();
    }
}
