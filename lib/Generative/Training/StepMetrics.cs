namespace Generative.Training;

/// <summary>One optimisation step, for per-step progress callbacks.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="Step">1-based step within the epoch.</param>
/// <param name="Loss">The batch's loss as the loss function returned it.</param>
public sealed record StepMetrics(int Epoch, int Step, double Loss);
