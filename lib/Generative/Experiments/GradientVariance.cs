using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Experiments;

/// <summary>Variance of the two unbiased estimators of ∇_μ E_{z~N(μ,σ²)}[f(z)]: score function (REINFORCE) and reparameterized (pathwise).</summary>
public static class GradientVariance
{
    /// <summary>The estimators' per-draw variance (averaged over coordinates), and both estimates of the gradient's first coordinate with their standard errors.</summary>
    public sealed record Result(double ScoreFunction, double Reparameterized,
                                double ScoreFunctionMean, double ScoreFunctionStdErr, double ReparameterizedMean, double ReparameterizedStdErr);

    /// <summary>Draws both estimators <paramref name="draws"/> times for a decoder-like f(z) = Σ log σ(Az + c) (a Bernoulli log-likelihood of a random linear decoder).</summary>
    public static Result Compare(int dim, int draws, int seed)
    {
        using var scope = NewDisposeScope();
        var g = new Generator((ulong)seed);
        var a = randn(50, dim, dtype: ScalarType.Float64, generator: g) / Math.Sqrt(dim);
        var c = randn(50, dtype: ScalarType.Float64, generator: g);
        var mu = randn(dim, dtype: ScalarType.Float64, generator: g) * 0.5;
        var sigma = full(dim, 0.8, dtype: ScalarType.Float64);
        Tensor F(Tensor z) => nn.functional.logsigmoid(z.matmul(a.T) + c).sum(-1);

        var eps = randn(draws, dim, dtype: ScalarType.Float64, generator: g);
        var z = (mu + sigma * eps).detach().requires_grad_(true);
        var f = F(z);
        // Pathwise: ∇_μ f(μ + σε) = ∇_z f(z), one per draw.
        var pathwise = autograd.grad([f.sum()], [z])[0];
        // Score function: f(z) ∇_μ log N(z; μ, σ²) = f(z) (z − μ) / σ².
        var score = f.detach().unsqueeze(1) * (z.detach() - mu) / sigma.pow(2);
        var s0 = score[.., 0];
        var p0 = pathwise[.., 0];
        return new Result(
            score.var([0L]).mean().item<double>(), pathwise.var([0L]).mean().item<double>(),
            s0.mean().item<double>(), Math.Sqrt(s0.var().item<double>() / draws),
            p0.mean().item<double>(), Math.Sqrt(p0.var().item<double>() / draws));
    }
}
