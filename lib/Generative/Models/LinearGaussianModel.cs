using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Models;

/// <summary>The linear-Gaussian latent model z ~ N(0, I), x | z ~ N(Wz + b, s²I): a VAE-shaped model whose log p(x) and posterior are exact.</summary>
/// <remarks>Lets the VAE derivation check each claim (ELBO ≤ log p(x), the gap is the posterior KL) against the truth.</remarks>
public sealed class LinearGaussianModel
{
    /// <summary>The decoder's weights W [dataDim, latentDim].</summary>
    public Tensor W { get; }
    /// <summary>The decoder's offset b [dataDim].</summary>
    public Tensor B { get; }
    /// <summary>The observation noise standard deviation s.</summary>
    public double Noise { get; }

    LinearGaussianModel(Tensor w, Tensor b, double noise) { W = w; B = b; Noise = noise; }

    /// <summary>A model with standard-normal W and b, in float64 so that exact and estimated values can be compared tightly.</summary>
    public static LinearGaussianModel Random(int dataDim, int latentDim, double noise, int seed)
    {
        var g = new Generator((ulong)seed);
        return new(randn(dataDim, latentDim, dtype: ScalarType.Float64, generator: g),
                   randn(dataDim, dtype: ScalarType.Float64, generator: g), noise);
    }

    int DataDim => (int)W.shape[0];
    int LatentDim => (int)W.shape[1];

    /// <summary>n data points drawn from the generative process.</summary>
    public Tensor Sample(int n, int seed)
    {
        using var scope = NewDisposeScope();
        var g = new Generator((ulong)seed);
        var z = randn(n, LatentDim, dtype: ScalarType.Float64, generator: g);
        var x = z.matmul(W.T) + B + Noise * randn(n, DataDim, dtype: ScalarType.Float64, generator: g);
        return x.MoveToOuterDisposeScope();
    }

    /// <summary>log p(x) per row, exactly: p(x) = N(b, WWᵀ + s²I).</summary>
    public Tensor ExactLogLikelihood(Tensor x)
    {
        using var scope = NewDisposeScope();
        var cov = W.matmul(W.T) + Noise * Noise * eye(DataDim, dtype: ScalarType.Float64);
        var d = x - B;
        var solved = linalg.solve(cov, d.T).T;
        var quad = (d * solved).sum(1);
        var logDet = linalg.slogdet(cov).Item2;
        return (-0.5 * (quad + logDet + DataDim * Math.Log(2 * Math.PI))).MoveToOuterDisposeScope();
    }

    /// <summary>The exact posterior p(z|x) as a diagonal Gaussian encoder: its mean and the log of its covariance's diagonal.</summary>
    /// <remarks>The true posterior covariance (I + WᵀW/s²)⁻¹ is not diagonal in general; a diagonal q can match its marginals but not its correlations.
    /// <see cref="ExactPosteriorFull"/> gives the full one, and <see cref="Elbo"/> accepts either.</remarks>
    public (Tensor Mu, Tensor LogVar) ExactPosterior(Tensor x)
    {
        var (mu, cov) = ExactPosteriorFull(x);
        using (cov) return (mu, cov.diagonal().log().unsqueeze(0).expand(x.shape[0], LatentDim).contiguous());
    }

    /// <summary>The exact posterior: mean [N, latent] and covariance [latent, latent] (the same for every x).</summary>
    public (Tensor Mu, Tensor Cov) ExactPosteriorFull(Tensor x)
    {
        using var scope = NewDisposeScope();
        var precision = eye(LatentDim, dtype: ScalarType.Float64) + W.T.matmul(W) / (Noise * Noise);
        var cov = linalg.inv(precision);
        var mu = (x - B).matmul(W).matmul(cov) / (Noise * Noise);
        return (mu.MoveToOuterDisposeScope(), cov.MoveToOuterDisposeScope());
    }

    /// <summary>An encoder that is deliberately off: the exact posterior mean shifted and its variances scaled by (1 + scale).</summary>
    public Func<Tensor, (Tensor Mu, Tensor LogVar)> PerturbedPosterior(double scale) => x =>
    {
        var (mu, logVar) = ExactPosterior(x);
        return (mu + scale, logVar + Math.Log(1 + scale));
    };

    /// <summary>The ELBO per row, E_q[log p(x|z)] − KL(q || p(z)), the expectation by Monte Carlo with the given samples; q is Gaussian with full covariance when given one.</summary>
    public Tensor Elbo(Tensor x, Func<Tensor, (Tensor Mu, Tensor LogVar)> encoder, int samples, int seed = 0)
    {
        using var scope = NewDisposeScope();
        var (mu, logVar) = encoder(x);
        var g = new Generator((ulong)seed);
        var std = (0.5 * logVar).exp();
        var total = zeros(x.shape[0], dtype: ScalarType.Float64);
        for (int s = 0; s < samples; s++)
        {
            var z = mu + std * randn(mu.shape, dtype: ScalarType.Float64, generator: g);
            total += LogLikelihoodGivenZ(x, z);
        }
        return (total / samples - Kl.ClosedForm(mu, logVar)).MoveToOuterDisposeScope();
    }

    /// <summary>The ELBO per row with the exact full-covariance posterior as q, where it equals log p(x) up to Monte Carlo error.</summary>
    public Tensor ElboWithExactPosterior(Tensor x, int samples, int seed = 0)
    {
        using var scope = NewDisposeScope();
        var (mu, cov) = ExactPosteriorFull(x);
        var chol = linalg.cholesky(cov);
        var g = new Generator((ulong)seed);
        var total = zeros(x.shape[0], dtype: ScalarType.Float64);
        for (int s = 0; s < samples; s++)
        {
            var z = mu + randn(mu.shape, dtype: ScalarType.Float64, generator: g).matmul(chol.T);
            total += LogLikelihoodGivenZ(x, z);
        }
        // KL(N(mu, C) || N(0, I)) = ½ (tr C + |mu|² − k − log det C)
        var kl = 0.5 * (cov.trace() + mu.pow(2).sum(1) - LatentDim - linalg.slogdet(cov).Item2);
        return (total / samples - kl).MoveToOuterDisposeScope();
    }

    /// <summary>KL(q(z|x) || p(z|x)) per row, exactly, for a diagonal Gaussian encoder q: the ELBO's gap to log p(x).</summary>
    public Tensor PosteriorKl(Tensor x, Func<Tensor, (Tensor Mu, Tensor LogVar)> encoder)
    {
        using var scope = NewDisposeScope();
        var (qMu, qLogVar) = encoder(x);
        var (pMu, pCov) = ExactPosteriorFull(x);
        var pPrec = linalg.inv(pCov);
        var d = pMu - qMu;
        // KL(N(a, A) || N(b, B)) = ½ (tr(B⁻¹A) + (b−a)ᵀB⁻¹(b−a) − k + log det B − log det A)
        var trace = (pPrec.diagonal().unsqueeze(0) * qLogVar.exp()).sum(1);
        var quad = (d.matmul(pPrec) * d).sum(1);
        var kl = 0.5 * (trace + quad - LatentDim + linalg.slogdet(pCov).Item2 - qLogVar.sum(1));
        return kl.MoveToOuterDisposeScope();
    }

    /// <summary>The naive estimate log (1/S) Σ p(x|z_s) with z_s drawn from the prior, per row; biased low for small S.</summary>
    public Tensor PriorSamplingLogLikelihood(Tensor x, int samples, int seed = 0)
    {
        using var scope = NewDisposeScope();
        var g = new Generator((ulong)seed);
        var logs = stack(Enumerable.Range(0, samples).Select(_ =>
            LogLikelihoodGivenZ(x, randn(x.shape[0], LatentDim, dtype: ScalarType.Float64, generator: g))), 0);
        return (logs.logsumexp(0) - Math.Log(samples)).MoveToOuterDisposeScope();
    }

    Tensor LogLikelihoodGivenZ(Tensor x, Tensor z)
    {
        var mean = z.matmul(W.T) + B;
        return -0.5 * ((x - mean).pow(2).sum(1) / (Noise * Noise) + DataDim * Math.Log(2 * Math.PI * Noise * Noise));
    }
}
