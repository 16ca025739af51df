namespace Generative.Training;

/// <summary>Thrown when a training loss becomes NaN or infinite; names where it happened.</summary>
public sealed class TrainingDivergedException(int epoch, int step, double loss)
    : Exception($"The training loss became {loss} at epoch {epoch}, step {step}. Lower the learning rate, check the inputs " +
                "for NaN, or check that the loss function is numerically stable (e.g. use logits with BCE-with-logits).")
{
    /// <summary>1-based epoch of the first non-finite loss.</summary>
    public int Epoch { get; } = epoch;

    /// <summary>1-based step within that epoch.</summary>
    public int Step { get; } = step;

    /// <summary>The non-finite value.</summary>
    public double Loss { get; } = loss;
}
