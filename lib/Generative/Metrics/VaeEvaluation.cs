using Generative.Data;
using Generative.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Metrics;

/// <summary>A test -ELBO in nats per image, split into its reconstruction term -E_q[log p(x|z)] and its KL(q(z|x) || p(z)) term.</summary>
public sealed record ElboTerms(double NegElbo, double Reconstruction, double Kl);

/// <summary>Likelihood-based evaluation of a VAE on a test set: -ELBO and an importance-weighted bound on -log p(x).</summary>
public static class VaeEvaluation
{
    static readonly double Log2Pi = Math.Log(2 * Math.PI);

    /// <summary>Test -ELBO per image: one z ~ q(z|x) per image for the reconstruction term (as pytorch/examples' test loss does) and the KL in closed form.</summary>
    public static ElboTerms TestElbo(VariationalAutoencoder vae, Batches test, Generator? generator = null)
    {
        using var evalMode = Inference.EvalMode(vae);
        using var noGrad = no_grad();
        double reconstruction = 0, kl = 0;
        long images = 0;
        foreach (var (x, _) in test)
        {
            using var scope = NewDisposeScope();
            var terms = Elbo.Terms(vae, x, generator);
            reconstruction -= terms.ExpectedLogLikelihood.to_type(ScalarType.Float64).sum().item<double>();
            kl += terms.Kl.to_type(ScalarType.Float64).sum().item<double>();
            images += x.shape[0];
        }
        if (images == 0) throw new ArgumentException("the test set is empty", nameof(test));
        return new ElboTerms((reconstruction + kl) / images, reconstruction / images, kl / images);
    }

    /// <summary>
    /// The importance-weighted estimate of -log p(x) in nats per image (Burda et al.'s IWAE bound):
    /// -(logsumexp_i [log p(x|z_i) + log p(z_i) - log q(z_i|x)] - log k) with z_1..z_k ~ q(z|x).
    /// k = 1 is the ELBO; the bound tightens towards -log p(x) as k grows.
    /// </summary>
    /// <remarks><paramref name="maxRowsPerPass"/> bounds on images x samples decoded at once; samples are taken in chunks so memory stays bounded for any k.</remarks>
    public static double ImportanceWeightedNll(VariationalAutoencoder vae, Batches test, int k, Generator? generator = null, int maxRowsPerPass = 8192)
    {
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "k, the number of importance samples, must be at least 1");
        if (maxRowsPerPass < 1) throw new ArgumentOutOfRangeException(nameof(maxRowsPerPass), maxRowsPerPass, "must be at least 1");
        using var evalMode = Inference.EvalMode(vae);
        using var noGrad = no_grad();
        double total = 0;
        long images = 0;
        foreach (var (x, _) in test)
        {
            using var scope = NewDisposeScope();
            total -= LogMarginal(vae, x, k, generator, maxRowsPerPass).to_type(ScalarType.Float64).sum().item<double>();
            images += x.shape[0];
        }
        if (images == 0) throw new ArgumentException("the test set is empty", nameof(test));
        return total / images;
    }

    /// <summary>Per-image importance-weighted estimate of log p(x), [N], for a batch x.</summary>
    public static Tensor LogMarginal(VariationalAutoencoder vae, Tensor x, int k, Generator? generator = null, int maxRowsPerPass = 8192)
    {
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "k, the number of importance samples, must be at least 1");
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var (mu, logVar) = vae.Encode(x);
        long n = x.shape[0];
        var std = (0.5 * logVar).exp();
        int chunk = (int)Math.Clamp(maxRowsPerPass / Math.Max(n, 1), 1, k);
        var chunkLogSums = new List<Tensor>();
        for (int done = 0; done < k; done += chunk)
        {
            int c = Math.Min(chunk, k - done);
            var eps = randn([c, .. mu.shape], dtype: mu.dtype, device: mu.device, generator: generator);
            var z = mu + std * eps;
            long[] repeatedShape = [c * n, .. x.shape.Skip(1)];
            var xs = x.unsqueeze(0).expand([c, .. x.shape]).reshape(repeatedShape);
            var logPxz = vae.LogLikelihood(xs, z.reshape(c * n, -1)).view(c, n);
            var logPz = -0.5 * (z.square() + Log2Pi).sum(-1);
            var logQz = -0.5 * (eps.square() + logVar + Log2Pi).sum(-1);
            chunkLogSums.Add((logPxz + logPz - logQz).logsumexp(dim: 0));
        }
        return (stack(chunkLogSums).logsumexp(dim: 0) - Math.Log(k)).MoveToOuterDisposeScope();
    }
}
