using Generative.Latent;
using Plotly.NET;
using static TorchSharp.torch;

namespace Generative.Plots;

/// <summary>Latent vector arithmetic "A - B + C = result" laid out like Radford et al.'s figure.</summary>
public static class ArithmeticGrid
{
    const int OperatorWidth = 18, LabelBand = 10, MeanGap = 12;

    /// <summary>One trial drawn as in Radford et al.'s figure.</summary>
    public static GenericChart Show(Latent.ArithmeticTrial trial, string? title = null) =>
        Show(trial.A, trial.B, trial.C, trial.Results, title ?? $"{trial.Analogy}? {trial.Summary}");

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
