namespace Generative.Training;

/// <summary>Per-epoch metrics and fixed-noise sample snapshots of a GAN run, serialisable to JSON.</summary>
public sealed class GanHistory
{
    /// <summary>One entry per finished epoch.</summary>
    public List<GanEpochMetrics> Epochs { get; init; } = [];

    /// <summary>Samples of the same noise codes through training, oldest first.</summary>
    public List<GanSnapshot> Snapshots { get; init; } = [];

    /// <summary>Wall-clock seconds over all epochs.</summary>
    public double TotalSeconds => Epochs.Sum(e => e.Seconds);
}
