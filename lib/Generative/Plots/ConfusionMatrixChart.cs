using Plotly.NET;

namespace Generative.Plots;

/// <summary>A confusion matrix as an annotated heatmap: true class down, predicted class across.</summary>
public static class ConfusionMatrixChart
{
    /// <summary>Cell (i, j) of <paramref name="counts"/> is how many examples of class i were predicted as j; classes are named by index unless <paramref name="classNames"/> is given.</summary>
    public static GenericChart Show(long[,] counts, string title, IReadOnlyList<string>? classNames = null)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var k = counts.GetLength(0);
        if (k == 0 || counts.GetLength(1) != k) throw new ArgumentException($"counts must be a non-empty square matrix; got {counts.GetLength(0)}x{counts.GetLength(1)}.", nameof(counts));
        var names = classNames?.ToArray() ?? Enumerable.Range(0, k).Select(i => i.ToString()).ToArray();
        if (names.Length != k) throw new ArgumentException($"Got {names.Length} class names for {k} classes.", nameof(classNames));

        var z = Enumerable.Range(0, k).Select(i => Enumerable.Range(0, k).Select(j => counts[i, j]).ToArray()).ToArray();
        // Colour by share of the true class, so classes of different sizes compare; each cell still reads its count.
        var share = z.Select(row => { var total = Math.Max(1, row.Sum()); return row.Select(v => Math.Round((double)v / total, 4)).ToArray(); }).ToArray();
        var heatmap = new Trace2D("heatmap")
            .With("z", share).With("zmin", 0.0).With("zmax", 1.0)
            .With("x", names).With("y", names)
            .With("text", z).With("texttemplate", "%{text}").With("textfont", Figure.Font(11))
            .With("colorscale", "Blues").With("reversescale", true).With("zsmooth", false).With("xgap", 1).With("ygap", 1)
            .With("colorbar", new ColorBar().With("title", Figure.Title("share of row")))
            .With("hovertemplate", "true %{y}, predicted %{x}: %{text}<extra></extra>");
        var x = Figure.ValueAxis("predicted class").With("type", "category").With("showgrid", false).With("side", "bottom");
        var y = Figure.ValueAxis("true class").With("type", "category").With("showgrid", false)
            .With("autorange", "reversed").With("scaleanchor", "x").With("scaleratio", 1).With("constrain", "domain");
        var side = Math.Max(360, 40 * k);
        return Figure.Style(Figure.Of(heatmap), title, side + 180, side + 120, x, y, background: "white");
    }
}
