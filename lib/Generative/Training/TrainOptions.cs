using static TorchSharp.torch;

namespace Generative.Training;

/// <summary>Optional settings of <see cref="Trainer.Fit"/>.</summary>
public sealed record TrainOptions
{
    /// <summary>Seeds torch's global generator before the first step (dropout, reparameterization noise); null leaves it as it is.</summary>
    public int? Seed { get; init; }

    /// <summary>How the loss function reduces over the batch; epoch losses are per example in both cases.</summary>
    public LossReduction Reduction { get; init; } = LossReduction.Mean;

    /// <summary>Called after each epoch, e.g. to print progress or update a live chart.</summary>
    public Action<EpochMetrics>? OnEpoch { get; init; }

    /// <summary>Called after each step with the loss; costs one device-to-host copy per step, so leave it null when not needed.</summary>
    public Action<StepMetrics>? OnStep { get; init; }

    /// <summary>Run after each epoch in eval mode without gradients; its results go into <see cref="EpochMetrics.Metrics"/>.</summary>
    public Func<IReadOnlyDictionary<string, double>>? Evaluate { get; init; }

    /// <summary>Device to train on: the model and each batch are moved there. Null: the model's own device.</summary>
    public Device? Device { get; init; }

    /// <summary>Steps between checks for a non-finite loss; each check reads back from the device once.</summary>
    public int DivergenceCheckEvery { get; init; } = 50;
}
