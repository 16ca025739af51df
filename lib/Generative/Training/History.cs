namespace Generative.Training;

/// <summary>Per-epoch metrics of a training run, serialisable to JSON so a cached model still has its curves.</summary>
public sealed class History
{
    /// <summary>One entry per finished epoch, in order.</summary>
    public List<EpochMetrics> Epochs { get; init; } = [];

    /// <summary>Mean training loss per example of each epoch.</summary>
    public double[] TrainLoss => Epochs.Select(e => e.TrainLoss).ToArray();

    /// <summary>Wall-clock seconds spent training, over all epochs.</summary>
    public double TotalSeconds => Epochs.Sum(e => e.Seconds);

    /// <summary>The values of one evaluation metric, one per epoch (NaN where it was not reported).</summary>
    public double[] Metric(string name) => Epochs.Select(e => e.Metrics.TryGetValue(name, out var v) ? v : double.NaN).ToArray();
}
