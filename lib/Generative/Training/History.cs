namespace Generative.Training;

/// <summary>Per-epoch metrics of a training run, and for a GAN its fixed-noise snapshots, serialisable to JSON so a cached model still has its curves.</summary>
public sealed class History
{
    /// <summary>One entry per finished epoch, in order.</summary>
    public List<EpochMetrics> Epochs { get; init; } = [];

    /// <summary>GAN only: samples of the same noise codes through training, oldest first.</summary>
    public List<GanSnapshot> Snapshots { get; init; } = [];

    /// <summary>Mean training loss per example of each epoch.</summary>
    public double[] TrainLoss => Metric(Trainer.Loss);

    /// <summary>Wall-clock seconds spent training, over all epochs.</summary>
    public double TotalSeconds => Epochs.Sum(e => e.Seconds);

    /// <summary>One value per epoch of a training statistic or an evaluation metric, by name (NaN where it was not reported).</summary>
    public double[] Metric(string name) => Epochs.Select(e =>
        e.Train.TryGetValue(name, out var v) || e.Metrics.TryGetValue(name, out v) ? v : double.NaN).ToArray();
}
