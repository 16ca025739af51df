namespace Generative.Training;

/// <summary>One epoch of training: its mean loss per example, its wall-clock time, and any evaluation results.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="TrainLoss">Mean training loss per example over the epoch.</param>
/// <param name="Seconds">Wall-clock time of the epoch's training steps, without evaluation.</param>
/// <param name="Metrics">What <see cref="TrainOptions.Evaluate"/> returned after the epoch; empty without it.</param>
public sealed record EpochMetrics(int Epoch, double TrainLoss, double Seconds, IReadOnlyDictionary<string, double> Metrics);
