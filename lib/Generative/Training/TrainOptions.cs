using static TorchSharp.torch;

namespace Generative.Training;

/// <summary>Optional settings of <see cref="Trainer.Fit"/> and <see cref="GanTrainer.Fit"/>.</summary>
public sealed record TrainOptions
{
    /// <summary>Seeds torch's global generator before the first step (dropout, reparameterization and GAN noise); null leaves it as it is.</summary>
    public int? Seed { get; init; }

    /// <summary>How the loss function reduces over the batch; epoch statistics are per example either way.</summary>
    public nn.Reduction Reduction { get; init; } = nn.Reduction.Mean;

    /// <summary>Called after each epoch, e.g. to print progress or update a live chart.</summary>
    public Action<EpochMetrics>? OnEpoch { get; init; }

    /// <summary>Called after each step with its statistics; costs one device-to-host copy per step, so leave it null when not needed.</summary>
    public Action<StepMetrics>? OnStep { get; init; }

    /// <summary>Run after each epoch in eval mode without gradients; its results go into <see cref="EpochMetrics.Metrics"/>.</summary>
    public Func<IReadOnlyDictionary<string, double>>? Evaluate { get; init; }

    /// <summary>Device to train on: the models and each batch are moved there. Null: the (first) model's own device.</summary>
    public Device? Device { get; init; }

    /// <summary>Steps between checks for non-finite statistics; each check reads back from the device once.</summary>
    public int DivergenceCheckEvery { get; init; } = 50;

    /// <summary>GAN only: called whenever a snapshot of the fixed-noise samples is taken.</summary>
    public Action<GanSnapshot>? OnSnapshot { get; init; }

    /// <summary>GAN only: an average of the generator's weights, updated after every generator step.</summary>
    public WeightAverage? GeneratorAverage { get; init; }

    /// <summary>GAN only: number of fixed noise codes whose samples are snapshotted.</summary>
    public int SnapshotCount { get; init; } = 64;

    /// <summary>GAN only: also take a snapshot every this many steps (counted over the whole run); 0 snapshots only at the end of each epoch.</summary>
    public int SnapshotEverySteps { get; init; }
}
