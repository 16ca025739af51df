using Plotly.NET;
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
        if (labels.numel() != z.shape[0])
            throw new ArgumentException($"Got {labels.numel()} labels for {z.shape[0]} points: pass one label per row of z.", nameof(labels));

        float[] points;
        long[] classes;
        using (torch.NewDisposeScope())
        {
            points = z.detach().to(torch.CPU).to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
            classes = labels.detach().to(torch.CPU).to_type(ScalarType.Int64).reshape(-1).data<long>().ToArray();
        }
        var kind = classes.Length > WebGlThreshold ? "scattergl" : "scatter";
        var traces = classes.Select((c, i) => (c, i)).GroupBy(p => p.c).OrderBy(g => g.Key)
            .Select(g => (Trace)new Trace2D(kind)
                .With("name", g.Key.ToString())
                .With("mode", "markers")
                .With("x", g.Select(p => Math.Round(points[2 * p.i], 4)).ToArray())
                .With("y", g.Select(p => Math.Round(points[2 * p.i + 1], 4)).ToArray())
                .With("marker", new Plotly.NET.TraceObjects.Marker().With("size", 4).With("opacity", 0.7)))
            .ToArray();
        var chart = Figure.Of(traces);
        return Figure.Style(chart, title, 640, 600, Figure.ValueAxis(xLabel), Figure.EqualScaleAxis(yLabel), showLegend: true)
            .WithLegendTitle("label");
    }

    static GenericChart WithLegendTitle(this GenericChart chart, string text) =>
        Chart.withLayout(new Layout().With("legend", new Plotly.NET.LayoutObjects.Legend().With("title", Figure.Title(text)).With("itemsizing", "constant"))).Invoke(chart);
}
