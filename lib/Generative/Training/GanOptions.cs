using static TorchSharp.torch;

namespace Generative.Training;

/// <summary>Optional settings of <see cref="GanTrainer.Fit"/>.</summary>
public sealed record GanOptions
{
    /// <summary>Seeds torch's global generator before training (the noise batches and the fixed snapshot noise).</summary>
    public int? Seed { get; init; }

    /// <summary>Called after each epoch with its metrics.</summary>
    public Action<GanEpochMetrics>? OnEpoch { get; init; }

    /// <summary>Called after each step with both losses; costs a device-to-host copy per step.</summary>
    public Action<GanStepMetrics>? OnStep { get; init; }

    /// <summary>Called whenever a snapshot of the fixed-noise samples is taken.</summary>
    public Action<GanSnapshot>? OnSnapshot { get; init; }

    /// <summary>Number of fixed noise codes whose samples are snapshotted.</summary>
    public int SnapshotCount { get; init; } = 64;

    /// <summary>Also take a snapshot every this many steps (counted over the whole run); 0 snapshots only at the end of each epoch.</summary>
    public int SnapshotEverySteps { get; init; }

    /// <summary>Device to train on; null: the generator's device.</summary>
    public Device? Device { get; init; }

    /// <summary>Steps between checks for non-finite losses.</summary>
    public int DivergenceCheckEvery { get; init; } = 50;
}
