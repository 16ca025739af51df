using Generative.Latent;
using Plotly.NET;

namespace Generative.Plots;

/// <summary>Vector-arithmetic success against the number of exemplars averaged per concept, beside the two baselines scored on the same trials.</summary>
public static class ExemplarCurveChart
{
    /// <summary>Three lines over the exemplar counts (log scale): the arithmetic, z̄(C) plus a random direction of the offset's norm, and z̄(C) alone.</summary>
    /// <param name="curve">One result per exemplar count, as <see cref="ArithmeticTrials.ExemplarCurve"/> returns them.</param>
    /// <param name="title">What the chart shows.</param>
    public static GenericChart Show(IReadOnlyList<ArithmeticResults> curve, string title = "Vector arithmetic: success against exemplars averaged per concept")
    {
        ArgumentNullException.ThrowIfNull(curve);
        if (curve.Count == 0) throw new ArgumentException("No points to plot: pass one result per exemplar count.", nameof(curve));
        var points = curve.OrderBy(r => r.Exemplars).ToArray();
        var counts = points.Select(r => (double)r.Exemplars).ToArray();
        Trace Line(string name, Func<ArithmeticResults, double> rate, string dash) => new Trace2D("scatter")
            .With("name", name).With("mode", "lines+markers")
            .With("x", counts).With("y", points.Select(rate).ToArray())
            .With("line", new Line().With("dash", dash));
        var x = Figure.ValueAxis("exemplars averaged per concept").With("type", "log").With("tickvals", counts);
        var y = Figure.ValueAxis($"success rate ({points[0].Trials} trials per point)").With("range", new[] { 0.0, 1.02 }).With("tickformat", ".0%");
        return Figure.Style(Figure.Of(
                Line("arithmetic z̄(A) − z̄(B) + z̄(C)", r => r.SuccessRate, "solid"),
                Line("z̄(C) + random direction, same norm", r => r.RandomBaselineRate, "dash"),
                Line("z̄(C) alone", r => r.TargetMeanBaselineRate, "dot")),
            title, 720, 420, x, y, showLegend: true);
    }
}
