using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Latent;

/// <summary>A concept's latent vector as the average of the codes of a few exemplars, as in Radford et al. (single codes proved unstable there).</summary>
public static class ConceptVector
{
    /// <summary>The mean [D] of exemplar codes [n, D].</summary>
    public static Tensor Mean(Tensor codes)
    {
        if (codes.dim() != 2 || codes.shape[0] < 1)
            throw new ArgumentException($"codes must be [n, D] with at least one exemplar; got [{string.Join(",", codes.shape)}]", nameof(codes));
        return codes.mean([0]);
    }
}
