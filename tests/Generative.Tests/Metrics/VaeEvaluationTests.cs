using Generative.Data;
using Generative.Metrics;
using Generative.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Tests.Metrics;

public class VaeEvaluationTests
{
    static readonly LinearGaussianModel Toy = LinearGaussianModel.Random(dataDim: 4, latentDim: 1, noise: 0.5, seed: 10);

    static (Tensor X, double NegLogPx, Batches Set) Data(LinearGaussianVae model, int examples = 2000)
    {
        var x = Toy.Sample(examples, seed: 11);
        double negLogPx = -Toy.ExactLogLikelihood(x).mean().item<double>();
        return (x, negLogPx, new Batches(x, zeros(examples, dtype: ScalarType.Int64), 500, shuffle: false, seed: 0));
    }

    [Fact]
    public void WithTheExactPosteriorEveryImportanceWeightIsPX()
    {
        var model = new LinearGaussianVae(Toy, exactPosterior: true);
        var (x, _, _) = Data(model);
        using (x)
        {
            using var exact = Toy.ExactLogLikelihood(x);
            // maxRowsPerPass below the batch size forces one sample per chunk, exercising the chunked logsumexp.
            using var estimate = VaeEvaluation.LogMarginal(model, x, k: 7, new Generator(12), maxRowsPerPass: 100);
            Assert.True(estimate.allclose(exact, rtol: 0, atol: 1e-9), "log p(x,z) - log q(z|x) must equal log p(x) for every z when q is the true posterior");
        }
    }

    [Fact]
    public void WithTheExactPosteriorTheElboIsLogPX()
    {
        var model = new LinearGaussianVae(Toy, exactPosterior: true);
        var (x, negLogPx, set) = Data(model);
        using (x)
        {
            var elbo = VaeEvaluation.TestElbo(model, set, new Generator(13));
            Assert.Equal(elbo.Reconstruction + elbo.Kl, elbo.NegElbo, 9);
            // One z per image: the reconstruction term carries Monte Carlo noise of a few hundredths of a nat over 2000 images.
            Assert.InRange(elbo.NegElbo, negLogPx - 0.1, negLogPx + 0.1);
            Assert.Equal(negLogPx, VaeEvaluation.ImportanceWeightedNll(model, set, k: 3, new Generator(14)), 9);
        }
    }

    [Fact]
    public void WithAPoorEncoderTheElboIsLooseAndImportanceWeightingTightensIt()
    {
        var model = new LinearGaussianVae(Toy, exactPosterior: false);
        var (x, negLogPx, set) = Data(model, examples: 1000);
        using (x)
        {
            var elbo = VaeEvaluation.TestElbo(model, set, new Generator(15));
            double k1 = VaeEvaluation.ImportanceWeightedNll(model, set, k: 1, new Generator(16));
            double k10 = VaeEvaluation.ImportanceWeightedNll(model, set, k: 10, new Generator(17));
            double k100 = VaeEvaluation.ImportanceWeightedNll(model, set, k: 100, new Generator(18));
            double k1000 = VaeEvaluation.ImportanceWeightedNll(model, set, k: 1000, new Generator(19), maxRowsPerPass: 50_000);
            double gap = elbo.NegElbo - negLogPx;
            Assert.True(gap > 0.5, $"the poor encoder should leave a clear ELBO gap; -ELBO {elbo.NegElbo:F3} vs -log p(x) {negLogPx:F3}");
            Assert.InRange(k1, elbo.NegElbo - 0.1 * gap, elbo.NegElbo + 0.1 * gap);
            Assert.True(k1 > k10 && k10 > k100 && k100 > k1000, $"IWAE bounds must tighten with k: {k1:F3}, {k10:F3}, {k100:F3}, {k1000:F3}");
            Assert.True(k1000 >= negLogPx - 0.02, $"an importance-weighted -log p(x) is an upper bound in expectation: {k1000:F4} vs {negLogPx:F4}");
            Assert.True(k1000 - negLogPx < 0.05 * gap, $"with k = 1000 the bound should close most of the gap: {k1000:F4} vs {negLogPx:F4} (ELBO gap {gap:F3})");
        }
    }
}
