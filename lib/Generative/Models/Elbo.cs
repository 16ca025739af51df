using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Generative.Models;

/// <summary>The evidence lower bound and its two terms, reconstruction and KL(q(z|x) || N(0, I)).</summary>
public static class Elbo
{
    /// <summary>pytorch/examples' loss_function: binary cross-entropy summed over pixels and batch, and the closed-form KL summed over the batch.</summary>
    /// <returns>Two scalars whose sum is the negative ELBO of the batch, in nats.</returns>
    public static (Tensor Reconstruction, Tensor Kl) Bernoulli(Tensor recon, Tensor x, Tensor mu, Tensor logVar)
    {
        var bce = functional.binary_cross_entropy(recon.view(-1, 784), x.view(-1, 784), reduction: Reduction.Sum);
        var kld = -0.5 * sum(1 + logVar - mu.pow(2) - logVar.exp());
        return (bce, kld);
    }

    /// <summary>KL(N(mu, diag exp(logVar)) || N(0, I)) in closed form, per example: [N] for mu, logVar [N, D].</summary>
    public static Tensor KlToStandardNormal(Tensor mu, Tensor logVar) =>
        -0.5 * (1 + logVar - mu.pow(2) - logVar.exp()).sum(1);

    /// <summary>The negative ELBO summed over the batch, one reparameterized sample per example, for any decoder likelihood.</summary>
    public static Tensor Loss(IVariationalAutoencoder vae, Tensor x)
    {
        var (mu, logVar) = vae.Encode(x);
        var z = vae.Reparameterize(mu, logVar);
        return (KlToStandardNormal(mu, logVar) - vae.LogLikelihood(x, z)).sum();
    }
}
