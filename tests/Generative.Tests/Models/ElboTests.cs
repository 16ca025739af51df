using Generative.Models;
using Generative.Tests.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Tests.Models;

/// <summary>Serial: one test reseeds torch's global generator to replay the same noise twice.</summary>
[Collection(nameof(SerialTorch))]
public class ElboTests
{
    // Fixed inputs: two examples, 784 pixels, latent size 3.
    static double[] Pixels(int seed, double lo, double hi) =>
        Enumerable.Range(0, 2 * 784).Select(i => lo + (hi - lo) * (((i * 7919 + seed * 104729) % 1000) / 999.0)).ToArray();
    static readonly double[] Mu = [0.5, -1.0, 0.0, 2.0, 0.1, -0.3];
    static readonly double[] LogVar = [0.0, -0.5, 1.0, -2.0, 0.3, 0.0];

    static Tensor T(double[] v, params long[] shape) => tensor(v.Select(d => (float)d).ToArray(), shape);

    static double HandKl(int example)
    {
        double kl = 0;
        for (int j = 0; j < 3; j++)
        {
            double m = Mu[example * 3 + j], lv = LogVar[example * 3 + j];
            kl += 0.5 * (m * m + Math.Exp(lv) - 1 - lv);
        }
        return kl;
    }

    [Fact]
    public void BernoulliMatchesHandComputedBceAndKl()
    {
        var recon = Pixels(1, 0.01, 0.99);
        var x = Pixels(2, 0, 1);
        double bce = 0;
        for (int i = 0; i < recon.Length; i++) bce -= x[i] * Math.Log(recon[i]) + (1 - x[i]) * Math.Log(1 - recon[i]);

        using var scope = NewDisposeScope();
        var (r, kl) = Elbo.Bernoulli(T(recon, 2, 1, 28, 28), T(x, 2, 1, 28, 28), T(Mu, 2, 3), T(LogVar, 2, 3));
        Assert.Equal(bce, r.item<float>(), bce * 1e-5);
        Assert.Equal(HandKl(0) + HandKl(1), kl.item<float>(), 1e-4);
    }

    [Fact]
    public void KlToStandardNormalIsPerExample()
    {
        using var scope = NewDisposeScope();
        var kl = Elbo.KlToStandardNormal(T(Mu, 2, 3), T(LogVar, 2, 3)).data<float>().ToArray();
        Assert.Equal(HandKl(0), kl[0], 1e-5);
        Assert.Equal(HandKl(1), kl[1], 1e-5);
    }

    [Fact]
    public void ClosedFormKlAgreesWithMonteCarloWithinItsError()
    {
        using var scope = NewDisposeScope();
        var gen = new Generator(7);
        var mu = T(Mu, 2, 3);
        var logVar = T(LogVar, 2, 3);
        const int samples = 200_000;
        var std = (0.5 * logVar).exp();
        var eps = randn([samples, 2, 3], generator: gen);
        var z = mu + std * eps;
        // log q(z) - log p(z), per sample and example; the 2*pi terms cancel.
        var diff = (-0.5 * eps.square() - 0.5 * logVar + 0.5 * z.square()).sum(2);
        var mean = diff.mean([0]).to_type(ScalarType.Float64);
        var stdErr = diff.std(0).to_type(ScalarType.Float64) / Math.Sqrt(samples);
        var closed = Elbo.KlToStandardNormal(mu, logVar).to_type(ScalarType.Float64);
        for (int i = 0; i < 2; i++)
        {
            double gap = Math.Abs(mean[i].item<double>() - closed[i].item<double>());
            Assert.True(gap < 4 * stdErr[i].item<double>(), $"example {i}: |MC - closed form| = {gap}, standard error {stdErr[i].item<double>()}");
        }
    }

    [Fact]
    public void LossOfTheBernoulliVaeEqualsPytorchExamplesLossFunction()
    {
        var vae = new Vae();
        using var scope = NewDisposeScope();
        var x = rand(8, 1, 28, 28, generator: new Generator(3));
        manual_seed(11);
        var (recon, mu, logVar) = vae.forward(x);
        var (bce, kl) = Elbo.Bernoulli(recon, x, mu, logVar);
        manual_seed(11);
        var loss = Elbo.Loss(vae, x);  // draws the same eps, so the same z
        double expected = bce.item<float>() + kl.item<float>();
        Assert.Equal(expected, loss.item<float>(), expected * 1e-4);
    }

    [Fact]
    public void GaussianLogLikelihoodIsTheDiagonalGaussianDensity()
    {
        var vae = new GaussianVae();
        using var scope = NewDisposeScope();
        var x = rand(2, 1, 28, 28, generator: new Generator(5));
        var z = randn(2, 20, generator: new Generator(6));
        var (mean, logVar) = vae.Decode(z);
        var xs = x.flatten(1).to_type(ScalarType.Float64);
        var ms = mean.flatten(1).to_type(ScalarType.Float64);
        var ls = logVar.flatten(1).to_type(ScalarType.Float64);
        var ll = vae.LogLikelihood(x, z);
        for (int n = 0; n < 2; n++)
        {
            double hand = 0;
            for (int i = 0; i < 784; i++)
            {
                double xi = xs[n, i].item<double>(), mi = ms[n, i].item<double>(), lv = ls[n, i].item<double>();
                hand += -0.5 * (Math.Log(2 * Math.PI) + lv + (xi - mi) * (xi - mi) / Math.Exp(lv));
            }
            Assert.Equal(hand, ll[n].item<float>(), Math.Abs(hand) * 1e-4 + 1e-3);
        }
    }
}
