using static TorchSharp.torch;

namespace Generative.Models;

/// <summary>The evidence lower bound, ELBO(x) = E_q(z|x)[log p(x|z)] − KL(q(z|x) || p(z)), of any of the course's VAEs.</summary>
/// <remarks>Taught in notebook 03: derived in §4, its KL term in §5; §7 writes the loss in a cell and checks it equals <see cref="Loss"/>.</remarks>
public static class Elbo
{
    /// <summary>The ELBO's two terms per example, [N] each: the expected log-likelihood estimated with one reparameterized z per
    /// example, and the KL to the unit Gaussian prior in closed form.</summary>
    /// <param name="vae">The model whose encoder and decoder define q and p.</param>
    /// <param name="x">Images [N,1,28,28] in [0,1].</param>
    /// <param name="generator">Draws the reparameterization noise; null uses torch's global generator.</param>
    public static (Tensor ExpectedLogLikelihood, Tensor Kl) Terms(VariationalAutoencoder vae, Tensor x, Generator? generator = null)
    {
        var (mu, logVar) = vae.Encode(x);
        var z = vae.Reparameterize(mu, logVar, generator);
        return (vae.LogLikelihood(x, z), Models.Kl.ClosedForm(mu, logVar));
    }

    /// <summary>The training loss: −ELBO summed over the batch, as pytorch/examples' loss_function sums BCE and KL.</summary>
    /// <param name="vae">The model whose encoder and decoder define q and p.</param>
    /// <param name="x">Images [N,1,28,28] in [0,1].</param>
    /// <param name="generator">Draws the reparameterization noise; null uses torch's global generator, as training does.</param>
    public static Tensor Loss(VariationalAutoencoder vae, Tensor x, Generator? generator = null)
    {
        var (expectedLogLikelihood, kl) = Terms(vae, x, generator);
        return (kl - expectedLogLikelihood).sum();
    }
}
