using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Models;

/// <summary>
/// What the course's VAEs share: a diagonal Gaussian encoder q(z|x), the reparameterization trick and the forward pass.
/// A subclass says only how it encodes, how likely x is under its decoder, and what its decoder's mean image is.
/// </summary>
public abstract class VariationalAutoencoder(string name) : nn.Module<Tensor, (Tensor Recon, Tensor Mu, Tensor LogVar)>(name)
{
    /// <summary>Size of the latent code z.</summary>
    public abstract int LatentDim { get; }

    /// <summary>The diagonal Gaussian q_phi(z|x): mean and log-variance, each [N, LatentDim]; x is [N,1,28,28] in [0,1].</summary>
    public abstract (Tensor Mu, Tensor LogVar) Encode(Tensor x);

    /// <summary>log p_theta(x|z) per example, summed over pixels, in nats: [N] for x [N,1,28,28] and z [N, LatentDim].</summary>
    public abstract Tensor LogLikelihood(Tensor x, Tensor z);

    /// <summary>The decoder's mean image for codes z [N, LatentDim], [N,1,28,28] in [0,1].</summary>
    public abstract Tensor DecodeMean(Tensor z);

    /// <summary>z = mu + eps * std with eps ~ N(0, I): the reparameterization trick, taught in notebook 03 §6 and written in a cell in §7.</summary>
    /// <param name="mu">The encoder's mean, [N, LatentDim].</param>
    /// <param name="logVar">The encoder's log-variance, [N, LatentDim].</param>
    /// <param name="generator">Draws eps; null uses torch's global generator, as training does.</param>
    public Tensor Reparameterize(Tensor mu, Tensor logVar, Generator? generator = null)
    {
        var std = exp(0.5 * logVar);
        var eps = generator is null ? randn_like(std) : randn(std.shape, dtype: std.dtype, device: std.device, generator: generator);
        return mu + eps * std;
    }

    /// <summary>The decoder's mean for one reparameterized z per example, with the mean and log-variance of q(z|x).</summary>
    public override (Tensor Recon, Tensor Mu, Tensor LogVar) forward(Tensor x)
    {
        var (mu, logVar) = Encode(x);
        var z = Reparameterize(mu, logVar);
        return (DecodeMean(z), mu, logVar);
    }
}
