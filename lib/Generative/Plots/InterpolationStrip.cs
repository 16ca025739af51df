using Plotly.NET;
using static TorchSharp.torch;

namespace Generative.Plots;

/// <summary>Rows of images along paths through latent space, one labelled row per path (e.g. linear and spherical).</summary>
public static class InterpolationStrip
{
    const int RowGap = 4;

    /// <summary>Each row's images ([K,1,H,W]) left to right from start to end, with the row's label at its left.</summary>
    public static GenericChart Show(IReadOnlyList<(string Label, Tensor Images)> rows, string title)
    {
        if (rows is null || rows.Count == 0) throw new ArgumentException("No rows: pass at least one (label, images) path.", nameof(rows));
        var strips = rows.Select((r, i) => ImagePixels.From(r.Images, $"rows[{i}].Images")).ToList();
        var (h, w) = (strips[0].Height, strips[0].Width);
        if (strips.Any(s => s.Height != h || s.Width != w)) throw new ArgumentException("All rows must hold images of one size.", nameof(rows));

        var columns = strips.Max(s => s.Count);
        var canvas = new ImageCanvas(columns * (w + ImageGrid.Gap) - ImageGrid.Gap, strips.Count * (h + RowGap) - RowGap);
        for (var r = 0; r < strips.Count; r++)
            for (var k = 0; k < strips[r].Count; k++)
                canvas.Place(strips[r], k, r * (h + RowGap), k * (w + ImageGrid.Gap));
        var labels = rows.Select((row, r) => (r * (h + RowGap) + (h - 1) / 2.0, row.Label)).ToList();
        var longest = rows.Max(r => r.Label.Length);
        var ends = new List<(double, string)> { ((w - 1) / 2.0, "start") };
        if (columns > 1) ends.Add(((columns - 1) * (w + ImageGrid.Gap) + (w - 1) / 2.0, "end"));
        return canvas.ToChart(title, xLabel: "step along the path", xTicks: ends, yTicks: labels, extraLeft: Math.Max(0, longest * 7 - 36));
    }
}
