using Plotly.NET;

namespace Generative.Plots;

/// <summary>How many samples fell in each class, against the uniform count a perfect generator would give.</summary>
public static class ClassHistogramChart
{
    /// <summary>A bar per class (named by index unless <paramref name="classNames"/> is given) and a dashed line at the uniform count.</summary>
    public static GenericChart Show(long[] counts, string title, IReadOnlyList<string>? classNames = null)
    {
        if (counts is null || counts.Length == 0) throw new ArgumentException("No counts: pass one count per class.", nameof(counts));
        var names = classNames?.ToArray() ?? Enumerable.Range(0, counts.Length).Select(i => i.ToString()).ToArray();
        if (names.Length != counts.Length) throw new ArgumentException($"Got {names.Length} class names for {counts.Length} classes.", nameof(classNames));
        var uniform = counts.Sum() / (double)counts.Length;
        var bars = new Trace2D("bar").With("name", "samples").With("x", names).With("y", counts)
            .With("text", counts).With("textposition", "inside").With("insidetextanchor", "start")
            .With("textfont", Figure.Font(11, "white")); // at the foot of the bar, clear of the uniform line
        var even = new Trace2D("scatter").With("name", "uniform").With("mode", "lines")
            .With("x", names).With("y", names.Select(_ => uniform).ToArray())
            .With("line", new Line().With("dash", "dash").With("color", "black"));
        var x = Figure.ValueAxis("class").With("type", "category");
        return Figure.Style(Figure.Of(bars, even), title, 640, 400, x, Figure.ValueAxis("samples"), showLegend: true);
    }
}
