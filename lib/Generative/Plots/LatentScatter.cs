using Plotly.NET;
using Plotly.NET.LayoutObjects;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Plots;

/// <summary>Points of a 2-d space (latent codes, PCA projections) coloured by their held-back digit label.</summary>
public static class LatentScatter
{
    // Above this many points the browser draws with WebGL, which stays responsive for a whole test set.
    const int WebGlThreshold = 4000;

    /// <summary>One trace per label (so the legend toggles digits), with both axes on the same scale.</summary>
    public static GenericChart Show(Tensor z, Tensor labels, string title, string xLabel = "z1", string yLabel = "z2")
    {
        ArgumentNullException.ThrowIfNull(z);
        ArgumentNullException.ThrowIfNull(labels);
        if (z.dim() != 2 || z.shape[1] != 2)
            throw new ArgumentException($"z must be [N,2] (one 2-d point per row); got [{string.Join(",", z.shape)}]. Project or encode to 2 dimensions first.", nameof(z));

        var chart = Figure.Of(Traces(z, labels, "x", "y", showLegend: true));
        return Figure.Style(chart, title, 640, 600, Figure.ValueAxis(xLabel), Figure.EqualScaleAxis(yLabel), showLegend: true)
            .WithLegendTitle("label");
    }

    /// <summary>Named sets of 2-d points (e.g. real data and a generator's samples), one trace each, on equally scaled axes.</summary>
    public static GenericChart Show(IReadOnlyList<(string Name, Tensor Points)> sets, string title, string xLabel = "x1", string yLabel = "x2")
    {
        ArgumentNullException.ThrowIfNull(sets);
        var traces = sets.Select(set =>
        {
            if (set.Points is null || set.Points.dim() != 2 || set.Points.shape[1] != 2)
                throw new ArgumentException($"The points of '{set.Name}' must be [N,2] (one 2-d point per row); got [{string.Join(",", set.Points?.shape ?? [])}].", nameof(sets));
            var xy = Floats(set.Points);
            var kind = xy.Length / 2 > WebGlThreshold ? "scattergl" : "scatter";
            return Trace(kind, set.Name, Enumerable.Range(0, xy.Length / 2).Select(i => (xy[2 * i], xy[2 * i + 1])), "x", "y", showLegend: true);
        }).ToArray();
        return Figure.Style(Figure.Of(traces), title, 640, 560, Figure.ValueAxis(xLabel), Figure.EqualScaleAxis(yLabel), showLegend: true)
            .WithLegendTitle("points");
    }

    /// <summary>Two 2-d spaces of the same points side by side, each on its own equally scaled axes, one legend for both; e.g. the codes of
    /// two models for the same test digits.</summary>
    public static GenericChart SideBySide(Tensor left, Tensor right, Tensor labels, string title, string leftTitle, string rightTitle)
    {
        foreach (var (z, name) in new[] { (left, nameof(left)), (right, nameof(right)) })
        {
            ArgumentNullException.ThrowIfNull(z, name);
            if (z.dim() != 2 || z.shape[1] != 2)
                throw new ArgumentException($"{name} must be [N,2] (one 2-d point per row); got [{string.Join(",", z.shape)}]. Project or encode to 2 dimensions first.", name);
        }
        var chart = Figure.Of([.. Traces(left, labels, "x", "y", showLegend: true), .. Traces(right, labels, "x2", "y2", showLegend: false)]);
        var styled = Figure.Style(chart, title, 920, 500, Figure.ValueAxis("").With("domain", new[] { 0.0, 0.45 }),
            Figure.EqualScaleAxis(""), annotations: [Panel(0.225, leftTitle), Panel(0.775, rightTitle)], showLegend: true);
        return Chart.withLayout(new Layout()
                .With("xaxis2", Figure.ValueAxis("").With("domain", new[] { 0.55, 1.0 }).With("anchor", "y2"))
                .With("yaxis2", Figure.ValueAxis("").With("anchor", "x2").With("scaleanchor", "x2").With("scaleratio", 1)))
            .Invoke(styled).WithLegendTitle("label");
    }

    static Annotation Panel(double x, string text) =>
        Figure.Label(x, 1.0, text, size: 13, yAnchor: "bottom").With("xref", "paper").With("yref", "paper");

    static Trace[] Traces(Tensor z, Tensor labels, string xAxis, string yAxis, bool showLegend)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.numel() != z.shape[0])
            throw new ArgumentException($"Got {labels.numel()} labels for {z.shape[0]} points: pass one label per row of z.", nameof(labels));
        float[] points;
        long[] classes;
        points = Floats(z);
        using (torch.NewDisposeScope())
            classes = labels.detach().to(torch.CPU).to_type(ScalarType.Int64).reshape(-1).data<long>().ToArray();
        var kind = classes.Length > WebGlThreshold ? "scattergl" : "scatter";
        return classes.Select((c, i) => (c, i)).GroupBy(p => p.c).OrderBy(g => g.Key)
            .Select(g => Trace(kind, g.Key.ToString(), g.Select(p => (points[2 * p.i], points[2 * p.i + 1])), xAxis, yAxis, showLegend))
            .ToArray();
    }

    static float[] Floats(Tensor z)
    {
        using var scope = torch.NewDisposeScope();
        return z.detach().to(torch.CPU).to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
    }

    static Trace Trace(string kind, string name, IEnumerable<(float X, float Y)> points, string xAxis, string yAxis, bool showLegend) =>
        new Trace2D(kind)
            .With("name", name)
            .With("legendgroup", name)
            .With("showlegend", showLegend)
            .With("xaxis", xAxis).With("yaxis", yAxis)
            .With("mode", "markers")
            .With("x", points.Select(p => Math.Round(p.X, 4)).ToArray())
            .With("y", points.Select(p => Math.Round(p.Y, 4)).ToArray())
            .With("marker", new Plotly.NET.TraceObjects.Marker().With("size", 4).With("opacity", 0.7));

    static GenericChart WithLegendTitle(this GenericChart chart, string text) =>
        Chart.withLayout(new Layout().With("legend", new Plotly.NET.LayoutObjects.Legend().With("title", Figure.Title(text)).With("itemsizing", "constant"))).Invoke(chart);
}
