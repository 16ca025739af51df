using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Models;

/// <summary>KL(q || p) between a diagonal Gaussian q = N(mu, diag(exp(logVar))) and the unit Gaussian prior p = N(0, I).</summary>
/// <remarks>Taught in notebook 03 §5, which checks the closed form against the Monte Carlo estimate.</remarks>
public static class Kl
{
    /// <summary>The closed form -1/2 sum_j (1 + logVar_j - mu_j^2 - exp(logVar_j)), per example: [N] for mu and logVar [N, D].</summary>
    public static Tensor ClosedForm(Tensor mu, Tensor logVar)
    {
        CheckShapes(mu, logVar);
        using var scope = NewDisposeScope();
        return (-0.5 * (1 + logVar - mu.square() - logVar.exp()).sum(-1)).MoveToOuterDisposeScope();
    }

    /// <summary>Monte Carlo estimate of the same KL, E_q[log q(z) - log p(z)] over <paramref name="samples"/> draws z ~ q, per example, with its standard error.</summary>
    public static (Tensor Estimate, Tensor StandardError) MonteCarlo(Tensor mu, Tensor logVar, int samples, Generator? generator = null)
    {
        CheckShapes(mu, logVar);
        if (samples < 2) throw new ArgumentOutOfRangeException(nameof(samples), samples, "a Monte Carlo estimate with a standard error needs at least 2 samples");
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var mu64 = mu.to_type(ScalarType.Float64);
        var logVar64 = logVar.to_type(ScalarType.Float64);
        var std = (0.5 * logVar64).exp();
        var sum = zeros_like(mu64.select(-1, 0));
        var sumSq = zeros_like(sum);
        // Chunks keep memory at [chunk, N, D] however many samples are asked for.
        const int chunk = 256;
        for (int done = 0; done < samples; done += chunk)
        {
            using var inner = NewDisposeScope();
            int n = Math.Min(chunk, samples - done);
            var eps = randn([n, .. mu64.shape], dtype: ScalarType.Float64, device: mu64.device, generator: generator);
            var z = mu64 + std * eps;
            // log q(z) - log p(z); the 2*pi terms cancel.
            var logRatio = -0.5 * (eps.square() + logVar64 - z.square()).sum(-1);
            sum.add_(logRatio.sum([0]));
            sumSq.add_(logRatio.square().sum([0]));
        }
        var mean = sum / samples;
        var variance = ((sumSq - samples * mean.square()) / (samples - 1)).clamp_min(0);
        var stderr = (variance / samples).sqrt();
        return (mean.to_type(mu.dtype).MoveToOuterDisposeScope(), stderr.to_type(mu.dtype).MoveToOuterDisposeScope());
    }

    static void CheckShapes(Tensor mu, Tensor logVar)
    {
        if (!mu.shape.SequenceEqual(logVar.shape))
            throw new ArgumentException($"mu has shape [{string.Join(",", mu.shape)}] but logVar has [{string.Join(",", logVar.shape)}]; they must match");
        if (mu.dim() < 1) throw new ArgumentException("mu and logVar need a latent dimension (shape [D] or [N, D])");
    }
}
