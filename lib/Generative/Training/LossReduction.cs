namespace Generative.Training;

/// <summary>How a per-batch loss was reduced over the batch, so epoch losses come out per example either way.</summary>
public enum LossReduction
{
    /// <summary>The loss is a mean over the batch (PyTorch's default).</summary>
    Mean,

    /// <summary>The loss is a sum over the batch (pytorch/examples' VAE).</summary>
    Sum,
}
