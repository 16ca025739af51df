using System.Globalization;
using Plotly.NET;

namespace Generative.Plots;

/// <summary>A readable table of results, e.g. AE, VAE, GAN and DCGAN on the same metrics.</summary>
public static class ComparisonTable
{
    const int HeaderHeight = 34, RowHeight = 30;

    /// <summary>The course's generative models side by side on the evaluation network's metrics.</summary>
    public static GenericChart Show(Metrics.ModelComparison comparison) => Show(
        ["model", "samples", "Fréchet distance to test ↓", "classifier score ↑", "effective classes ↑", "mean confidence ↑"],
        comparison.Rows.Select(r => new object[] { r.Model, r.Samples, r.Frechet, r.ClassifierScore, r.EffectiveClasses, r.Confidence }),
        "Generated digits scored by the evaluation network");

    /// <summary>Vector-arithmetic success rates by attribute and direction, and over all trials, beside the two baselines' success rates.</summary>
    public static GenericChart Show(Latent.ArithmeticResults results) => Show(
        ["arithmetic", "trials", "class right", "attribute right", "both", "random direction: both", "target mean alone: both"],
        results.All.GroupBy(t => $"{t.Analogy.Attribute.ToString().ToLowerInvariant()}, {t.Analogy.Direction}")
           .OrderBy(g => g.Key)
           .Select(g => new object[] { g.Key, g.Count(), Rate(g, t => t.Arithmetic.ClassRight), Rate(g, t => t.Arithmetic.AttributeRight),
                                       Rate(g, t => t.Arithmetic.Landed), Rate(g, t => t.RandomDirection.Landed), Rate(g, t => t.TargetMean.Landed) })
           .Append(["all", results.Trials, $"{results.ClassRate:P0}", $"{results.AttributeRate:P0}", $"{results.SuccessRate:P0}",
                    $"{results.RandomBaselineRate:P0}", $"{results.TargetMeanBaselineRate:P0}"]),
        $"Vector arithmetic with {results.Exemplars} exemplars per concept: how often the result lands");

    static string Rate(IEnumerable<Latent.TrialScore> trials, Func<Latent.TrialScore, bool> ok) => $"{trials.Average(t => ok(t) ? 1.0 : 0.0):P0}";

    /// <summary>One row per entry of <paramref name="rows"/>; numbers get four or five significant digits, NaN shows as a dash (not applicable), text as is.</summary>
    public static GenericChart Show(string[] headers, IEnumerable<object[]> rows, string title)
    {
        if (string.IsNullOrWhiteSpace(title)) throw new ArgumentException("Every chart needs a title: pass a short description of what it shows.", nameof(title));
        if (headers is null || headers.Length == 0) throw new ArgumentException("A table needs column headers.", nameof(headers));
        var body = (rows ?? throw new ArgumentNullException(nameof(rows))).ToList();
        var bad = body.FindIndex(r => r.Length != headers.Length);
        if (bad >= 0) throw new ArgumentException($"Row {bad} has {body[bad].Length} cells for {headers.Length} headers.", nameof(rows));

        // Plotly tables take values column by column.
        var columns = Enumerable.Range(0, headers.Length).Select(c => body.Select(r => Format(r[c])).ToArray()).ToArray();
        var stripes = body.Select((_, i) => i % 2 == 0 ? "#f4f6fa" : "white").ToArray();
        var table = new Trace("table")
            .With("header", new Plotly.NET.TraceObjects.TableCells()
                .With("values", headers.Select(h => $"<b>{h}</b>").ToArray())
                .With("align", "center").With("height", HeaderHeight)
                .With("font", Figure.Font(14, "white")).With("fill", new Plotly.NET.TraceObjects.TableFill().With("color", "#3b5b92")))
            .With("cells", new Plotly.NET.TraceObjects.TableCells()
                .With("values", columns)
                .With("align", headers.Select((_, c) => c == 0 ? "left" : "right").ToArray()).With("height", RowHeight)
                .With("font", Figure.Font(13))
                .With("fill", new Plotly.NET.TraceObjects.TableFill().With("color", headers.Select(_ => stripes).ToArray())));
        // Plotly wraps long cells into taller rows but never grows the figure, so the height is estimated from the text;
        // the width stays within a notebook's output area.
        int width = Math.Clamp(140 * headers.Length, 480, MaxWidth);
        double columnWidth = (width - 40) / (double)headers.Length;
        int Lines(string text, double pixelsPerChar) => Math.Max(1, (int)Math.Ceiling(text.Length * pixelsPerChar / (columnWidth - 12)));
        int headerHeight = Math.Max(HeaderHeight, 8 + 20 * headers.Max(h => Lines(h, 8.5)));
        int bodyHeight = Enumerable.Range(0, body.Count).Sum(r => Math.Max(RowHeight, 8 + 19 * columns.Max(c => Lines(c[r], 7.5))));
        var chart = Chart.withLayout(new Layout()
            .With("title", Figure.Title(title))
            .With("width", width)
            .With("height", 56 + headerHeight + bodyHeight + 30)
            .With("margin", Figure.Margin(20, 20, 56, 10))).Invoke(Figure.Of(table));
        return chart;
    }

    const int MaxWidth = 900;

    static string Format(object? value) => value switch
    {
        null => "",
        double d when double.IsNaN(d) => "—", // a metric that does not apply to this model
        double d when double.IsInfinity(d) => d > 0 ? "∞" : "−∞",
        double d when d != 0 && (Math.Abs(d) >= 1e5 || Math.Abs(d) < 1e-3) => d.ToString("0.###e+0", CultureInfo.InvariantCulture),
        double d => d.ToString(Math.Abs(d) >= 100 ? "F1" : Math.Abs(d) >= 10 ? "F2" : Math.Abs(d) >= 1 ? "F3" : "F4", CultureInfo.InvariantCulture),
        float f => Format((double)f),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
