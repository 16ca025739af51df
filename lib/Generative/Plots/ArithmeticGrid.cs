using Generative.Latent;
using Plotly.NET;
using static TorchSharp.torch;

namespace Generative.Plots;

/// <summary>Latent vector arithmetic "A - B + C = result" laid out like Radford et al.'s figure.</summary>
public static class ArithmeticGrid
{
    const int OperatorWidth = 18, LabelBand = 10, MeanGap = 12, CaptionBand = 16, CaptionGap = 8;

    /// <summary>One trial drawn as in Radford et al.'s figure.</summary>
    /// <param name="trial">The trial, with its images.</param>
    /// <param name="title">Defaults to the analogy and what the result measured.</param>
    public static GenericChart Show(Latent.ArithmeticTrial trial, string? title = null) =>
        Show(trial.A, trial.B, trial.C, trial.Results, title ?? $"{trial.Analogy}? {trial.Summary}");

    /// <summary>
    /// The un-noised result of each trial, captioned with what it should have been and what it measured (class, and the attribute
    /// against the target class's median): a failure grid shows what a success rate below one is made of.
    /// </summary>
    /// <param name="trials">Trials run with <see cref="ArithmeticTrials.Run"/>, e.g. redrawn from <see cref="ArithmeticResults.Failures"/>.</param>
    /// <param name="title">What the grid shows.</param>
    /// <param name="columns">Results per row.</param>
    public static GenericChart Outcomes(IReadOnlyList<ArithmeticTrial> trials, string title, int columns = 4)
    {
        ArgumentNullException.ThrowIfNull(trials);
        if (trials.Count == 0) throw new ArgumentException("No trials to show: pass at least one (when every trial landed there is no failure to draw).", nameof(trials));
        if (columns <= 0) throw new ArgumentOutOfRangeException(nameof(columns), $"columns must be positive; got {columns}.");
        var results = trials.Select(t => ImagePixels.From(t.Results, "trial.Results")).ToArray();
        var (h, w) = (results[0].Height, results[0].Width);
        if (results.Any(r => r.Height != h || r.Width != w)) throw new ArgumentException("All results must have one size.", nameof(trials));
        columns = Math.Min(columns, trials.Count);
        int rows = (trials.Count + columns - 1) / columns, pitch = w + CaptionGap, rowPitch = CaptionBand + h + ImageGrid.Gap;
        var canvas = new ImageCanvas(columns * pitch - CaptionGap, rows * rowPitch - ImageGrid.Gap);
        for (var k = 0; k < trials.Count; k++)
        {
            var (top, left) = (k / columns * rowPitch + CaptionBand, k % columns * pitch);
            canvas.Place(results[k], 0, top, left);
            canvas.Label(left + (w - 1) / 2.0, top - 0.5, Caption(trials[k].Score.Arithmetic), size: 11, yAnchor: "bottom");
        }
        return canvas.ToChart(title);
    }

    static string Caption(Outcome o)
    {
        var a = o.Analogy;
        var measure = a.Attribute == DigitAttribute.Thickness ? "width" : "slant";
        var side = o.AttributeValue > o.TargetMedian ? ">" : "≤";
        return $"wanted {a.Label(a.TargetClass, true)}<br>got a {o.PredictedClass} ({(o.ClassRight ? "right" : "wrong")})<br>"
             + $"{measure} {o.AttributeValue:F2} {side} {o.TargetMedian:F2} ({(o.AttributeRight ? "right" : "wrong")})";
    }

    /// <summary>
    /// For each concept its exemplars in a row with the mean code's decoding centred below, then "-", "+" and "="
    /// between the concepts, and <paramref name="results"/> (several samples around A - B + C) as a grid of <paramref name="resultColumns"/> columns.
    /// </summary>
    public static GenericChart Show(ConceptImages a, ConceptImages b, ConceptImages c, Tensor results, string title, int resultColumns = 3)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(c);
        var terms = new[] { a, b, c };
        var exemplars = terms.Select((t, i) => ImagePixels.From(t.Exemplars, $"{"abc"[i]}.Exemplars")).ToArray();
        var means = terms.Select((t, i) => ImagePixels.From(t.MeanDecoding, $"{"abc"[i]}.MeanDecoding")).ToArray();
        var outcome = ImagePixels.From(results, nameof(results));
        var (h, w) = (outcome.Height, outcome.Width);
        if (exemplars.Concat(means).Any(p => p.Height != h || p.Width != w)) throw new ArgumentException("All images must have one size.");
        if (means.Any(m => m.Count != 1)) throw new ArgumentException("Each MeanDecoding must be a single image ([1,1,H,W]): the decoding of the exemplars' mean code.");
        if (resultColumns <= 0) throw new ArgumentOutOfRangeException(nameof(resultColumns), $"resultColumns must be positive; got {resultColumns}.");

        int BlockWidth(int count) => count * (w + ImageGrid.Gap) - ImageGrid.Gap;
        resultColumns = Math.Min(resultColumns, outcome.Count);
        var resultRows = (outcome.Count + resultColumns - 1) / resultColumns;
        var conceptHeight = LabelBand + h + MeanGap + h;
        var resultHeight = LabelBand + resultRows * (h + ImageGrid.Gap) - ImageGrid.Gap;
        var width = exemplars.Sum(e => BlockWidth(e.Count)) + BlockWidth(resultColumns) + 3 * OperatorWidth;
        var canvas = new ImageCanvas(width, Math.Max(conceptHeight, resultHeight));
        var operatorRow = LabelBand + h + MeanGap + (h - 1) / 2.0;

        var left = 0;
        string[] operators = ["−", "+", "="];
        for (var t = 0; t < terms.Length; t++)
        {
            var block = BlockWidth(exemplars[t].Count);
            canvas.Label(left + (block - 1) / 2.0, LabelBand - 1.5, terms[t].Label, size: 13, yAnchor: "bottom");
            for (var k = 0; k < exemplars[t].Count; k++) canvas.Place(exemplars[t], k, LabelBand, left + k * (w + ImageGrid.Gap));
            var meanLeft = left + (block - w) / 2;
            canvas.Place(means[t], 0, LabelBand + h + MeanGap, meanLeft);
            canvas.Label(meanLeft + (w - 1) / 2.0, LabelBand + h + MeanGap - 1.5, "mean z", size: 10, yAnchor: "bottom");
            left += block;
            canvas.Label(left + (OperatorWidth - 1) / 2.0, operatorRow, operators[t], size: 28);
            left += OperatorWidth;
        }
        canvas.Label(left + (BlockWidth(resultColumns) - 1) / 2.0, LabelBand - 1.5, "result", size: 13, yAnchor: "bottom");
        for (var k = 0; k < outcome.Count; k++)
            canvas.Place(outcome, k, LabelBand + (k / resultColumns) * (h + ImageGrid.Gap), left + (k % resultColumns) * (w + ImageGrid.Gap));
        return canvas.ToChart(title);
    }
}
