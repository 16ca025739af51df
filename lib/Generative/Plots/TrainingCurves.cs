using Plotly.NET;

namespace Generative.Plots;

/// <summary>Per-epoch curves such as train and test loss, or D(x) and D(G(z)).</summary>
public static class TrainingCurves
{
    /// <summary>One line per series; point i of every series is epoch i + 1.</summary>
    public static GenericChart Show(string title, string xLabel, string yLabel, IReadOnlyDictionary<string, IReadOnlyList<double>> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return Draw(title, xLabel, yLabel, series.ToDictionary(s => s.Key,
            s => (IReadOnlyList<(double, double)>)s.Value.Select((y, i) => ((double)(i + 1), y)).ToList()));
    }

    internal static GenericChart Draw(string title, string xLabel, string yLabel, IReadOnlyDictionary<string, IReadOnlyList<(double X, double Y)>> series)
    {
        if (series.Count == 0) throw new ArgumentException("No series to plot: pass at least one named list of values.", nameof(series));
        var traces = series.Select(s => (Trace)new Trace2D("scatter")
            .With("name", s.Key)
            .With("mode", s.Value.Count > 30 ? "lines" : "lines+markers")
            .With("x", s.Value.Select(p => p.X).ToArray())
            .With("y", s.Value.Select(p => double.IsFinite(p.Y) ? p.Y : (double?)null).ToArray())).ToArray();
        var x = Figure.ValueAxis(xLabel);
        var xs = series.Values.SelectMany(s => s.Select(p => p.X)).ToArray();
        if (xs.All(v => v == Math.Floor(v))) // whole epochs: integer ticks only, about ten at most
            x.With("tick0", 0).With("dtick", Math.Max(1, Math.Ceiling((xs.Max() - xs.Min()) / 10)));
        return Figure.Style(Figure.Of(traces), title, 720, 420, x, Figure.ValueAxis(yLabel), showLegend: true);
    }
}
