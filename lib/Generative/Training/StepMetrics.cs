namespace Generative.Training;

/// <summary>One optimisation step, for per-step progress callbacks.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="Step">1-based step within the epoch.</param>
/// <param name="Values">The step's statistics by name, as the loss functions reduced them over the batch.</param>
public sealed record StepMetrics(int Epoch, int Step, IReadOnlyDictionary<string, double> Values)
{
    /// <summary>The batch's loss, for a loop with one loss.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public double Loss => Values[Trainer.Loss];
}
