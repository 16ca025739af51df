using Generative.Plots;

namespace Generative.Training;

/// <summary>The live charts of one training run, defined once from its per-epoch metrics: a run that trains draws them epoch by epoch,
/// and a model loaded from the checkpoint cache draws the same charts from its stored history (<see cref="Checkpoint"/> calls
/// <see cref="Replay"/>), so a notebook shows its training curves whether or not the cache was warm.</summary>
public sealed class TrainingDisplay
{
    /// <summary>Appended to the titles of charts drawn from a stored history, so a reader knows nothing was trained in this run.</summary>
    public const string FromCache = " (from the cache)";

    readonly string _title, _xLabel, _yLabel;
    readonly Func<EpochMetrics, IReadOnlyDictionary<string, double>> _points;
    readonly string? _samplesTitle;
    readonly int _samplesColumns;

    /// <summary>Curves of per-epoch values, and for a GAN a grid of its fixed-noise samples.</summary>
    /// <param name="title">The curves' title.</param>
    /// <param name="xLabel">The x axis label, usually "epoch".</param>
    /// <param name="yLabel">The y axis label.</param>
    /// <param name="points">The named values one epoch contributes, e.g. train and test loss.</param>
    /// <param name="samplesTitle">Title of the sample grid; null for runs without snapshots.</param>
    /// <param name="samplesColumns">Columns of the sample grid.</param>
    public TrainingDisplay(string title, string xLabel, string yLabel, Func<EpochMetrics, IReadOnlyDictionary<string, double>> points,
        string? samplesTitle = null, int samplesColumns = 16)
    {
        ArgumentNullException.ThrowIfNull(points);
        (_title, _xLabel, _yLabel, _points, _samplesTitle, _samplesColumns) = (title, xLabel, yLabel, points, samplesTitle, samplesColumns);
    }

    /// <summary>The curves drawn so far; null before the first epoch or replay.</summary>
    public LiveCurves? Curves { get; private set; }

    /// <summary>The sample grid drawn so far; null without snapshots.</summary>
    public LiveImages? Samples { get; private set; }

    /// <summary>Adds a finished epoch to the curves; pass as <see cref="TrainOptions.OnEpoch"/>.</summary>
    public void Epoch(EpochMetrics epoch) => (Curves ??= LiveCurves.Show(_title, _xLabel, _yLabel)).Add(epoch.Epoch, _points(epoch));

    /// <summary>Shows a snapshot of the fixed-noise samples; pass as <see cref="TrainOptions.OnSnapshot"/>.</summary>
    public void Snapshot(GanSnapshot snapshot)
    {
        if (_samplesTitle is null) return;
        using var images = snapshot.Images();
        (Samples ??= LiveImages.Show(_samplesTitle, _samplesColumns)).Add(snapshot.Epoch, images);
    }

    /// <summary>Draws a stored history in one go: the curves of all its epochs and its last snapshot, titled as loaded.</summary>
    public void Replay(History history)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Epochs.Count > 0)
        {
            Curves = LiveCurves.Show(_title + FromCache, _xLabel, _yLabel);
            Curves.AddRange(history.Epochs.Select(e => ((double)e.Epoch, _points(e))));
        }
        if (_samplesTitle is not null && history.Snapshots.Count > 0)
        {
            var last = history.Snapshots[^1];
            using var images = last.Images();
            Samples = LiveImages.Show(_samplesTitle + FromCache, _samplesColumns);
            Samples.Add(last.Epoch, images);
        }
    }
}
