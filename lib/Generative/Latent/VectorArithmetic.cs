using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Latent;

/// <summary>Latent vector arithmetic ("smiling woman - neutral woman + neutral man") and the small cloud of samples around its result.</summary>
public static class VectorArithmetic
{
    /// <summary>a - b + c, for codes of the same shape.</summary>
    public static Tensor Apply(Tensor a, Tensor b, Tensor c)
    {
        if (!a.shape.SequenceEqual(b.shape) || !a.shape.SequenceEqual(c.shape))
            throw new ArgumentException($"a [{string.Join(",", a.shape)}], b [{string.Join(",", b.shape)}] and c [{string.Join(",", c.shape)}] must have the same shape");
        using var scope = NewDisposeScope();
        return (a - b + c).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// <paramref name="count"/> codes [count, D] around z: the first is z itself, the others z plus Gaussian noise of standard deviation
    /// <paramref name="noise"/>, so a grid shows the result and its neighbours as Radford et al.'s figure does (they added uniform noise of scale 0.25).
    /// </summary>
    public static Tensor Neighbourhood(Tensor z, int count, double noise, Generator? generator = null)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "at least one code is needed");
        if (noise < 0) throw new ArgumentOutOfRangeException(nameof(noise), noise, "the noise scale cannot be negative");
        using var scope = NewDisposeScope();
        var centre = z.flatten().unsqueeze(0);
        var perturbation = randn([count, centre.shape[1]], dtype: centre.dtype, device: centre.device, generator: generator) * noise;
        perturbation[0].zero_();
        return (centre + perturbation).MoveToOuterDisposeScope();
    }
}
