using Generative.Models;
using static TorchSharp.torch;

namespace Generative.Tests.Metrics;

/// <summary>
/// The library's <see cref="LinearGaussianModel"/> seen as a VAE, so that VAE metrics can be checked against its exact log p(x).
/// One latent dimension makes its true posterior a diagonal Gaussian, so it can serve as the encoder exactly.
/// </summary>
sealed class LinearGaussianVae(LinearGaussianModel model, bool exactPosterior) : VariationalAutoencoder(nameof(LinearGaussianVae))
{
    public override int LatentDim => (int)model.W.shape[1];

    /// <param name="x">[N, D]; with exactPosterior false a deliberately poor encoder (shrunk mean, unit variance).</param>
    public override (Tensor Mu, Tensor LogVar) Encode(Tensor x)
    {
        var (mu, logVar) = model.ExactPosterior(x);
        return exactPosterior ? (mu, logVar) : (mu * 0.6, zeros_like(mu));
    }

    public override Tensor LogLikelihood(Tensor x, Tensor z)
    {
        double variance = model.Noise * model.Noise;
        var residual = x - DecodeMean(z);
        return -0.5 * (residual.square() / variance + Math.Log(2 * Math.PI * variance)).sum(1);
    }

    public override Tensor DecodeMean(Tensor z) => z.matmul(model.W.T) + model.B;
}
