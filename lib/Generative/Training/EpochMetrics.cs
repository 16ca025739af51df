namespace Generative.Training;

/// <summary>One epoch of training: its per-example training statistics, its wall-clock time, and any evaluation results.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="Seconds">Wall-clock time of the epoch's training steps, without evaluation.</param>
/// <param name="Train">Each training statistic averaged per example over the epoch, by name ("loss"; for a GAN "D(x)", "D(G(z))", "loss_D", "loss_G").</param>
/// <param name="Metrics">What <see cref="TrainOptions.Evaluate"/> returned after the epoch; empty without it.</param>
public sealed record EpochMetrics(int Epoch, double Seconds, IReadOnlyDictionary<string, double> Train, IReadOnlyDictionary<string, double> Metrics)
{
    /// <summary>The mean training loss per example, for a loop with one loss.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public double TrainLoss => Train[Trainer.Loss];
}
