using Generative.Models;
using static TorchSharp.torch;

namespace Generative.Tests.Models;

/// <summary>The toy model notebook 03's claims rest on: exact log p(x), the ELBO below it, the gap equal to the posterior KL.</summary>
public class LinearGaussianModelTests
{
    static readonly LinearGaussianModel Toy = LinearGaussianModel.Random(dataDim: 5, latentDim: 2, noise: 0.5, seed: 0);

    [Fact]
    public void ExactLogLikelihoodIsTheMarginalGaussianDensity()
    {
        // One data and one latent dimension: x ~ N(b, w² + s²), written out by hand.
        var model = LinearGaussianModel.Random(dataDim: 1, latentDim: 1, noise: 0.3, seed: 4);
        using var x = model.Sample(6, seed: 5);
        double w = model.W.item<double>(), b = model.B.item<double>(), variance = w * w + 0.09;
        var exact = model.ExactLogLikelihood(x).data<double>().ToArray();
        for (int i = 0; i < 6; i++)
        {
            double xi = x[i, 0].item<double>();
            Assert.Equal(-0.5 * (Math.Log(2 * Math.PI * variance) + (xi - b) * (xi - b) / variance), exact[i], 10);
        }
    }

    [Fact]
    public void ElboWithTheExactPosteriorMatchesLogPx()
    {
        using var x = Toy.Sample(2000, seed: 1);
        double exact = Toy.ExactLogLikelihood(x).mean().item<double>();
        double elbo = Toy.ElboWithExactPosterior(x, samples: 200).mean().item<double>();
        // Monte Carlo error of 200 draws per point over 2000 points is about 0.005 nats; a wrong KL or likelihood is off by far more.
        Assert.InRange(elbo, exact - 0.03, exact + 0.03);
    }

    [Fact]
    public void ElboGapToLogPxIsThePosteriorKl()
    {
        using var x = Toy.Sample(2000, seed: 1);
        var wrong = Toy.PerturbedPosterior(scale: 0.5);
        double exact = Toy.ExactLogLikelihood(x).mean().item<double>();
        double elbo = Toy.Elbo(x, wrong, samples: 200).mean().item<double>();
        double kl = Toy.PosteriorKl(x, wrong).mean().item<double>();
        Assert.True(kl > 0.5, $"the perturbed encoder should be clearly off: KL {kl:F3}");
        Assert.InRange(exact - elbo, kl - 0.03, kl + 0.03);
    }

    [Fact]
    public void SamplingZFromThePriorUnderestimatesLogPx()
    {
        using var x = Toy.Sample(2000, seed: 1);
        double exact = Toy.ExactLogLikelihood(x).mean().item<double>();
        double naive = Toy.PriorSamplingLogLikelihood(x, samples: 10).mean().item<double>();
        Assert.True(naive < exact - 0.1, $"log of a 10-sample prior average should be biased low: {naive:F3} vs {exact:F3}");
    }
}
