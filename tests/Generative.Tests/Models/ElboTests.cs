using Generative.Models;
using Generative.Tests.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Tests.Models;

/// <summary>Serial: one test reseeds torch's global generator to replay the same noise twice.</summary>
[Collection(nameof(SerialTorch))]
public class ElboTests
{
    [Fact]
    public void LossOfTheBernoulliVaeEqualsPytorchExamplesLossFunction()
    {
        var vae = new Vae();
        using var scope = NewDisposeScope();
        var x = rand(8, 1, 28, 28, generator: new Generator(3));
        manual_seed(11);
        var (recon, mu, logVar) = vae.forward(x);
        // loss_function of vae/main.py: BCE summed over pixels and batch, plus the closed-form KL written out.
        var bce = nn.functional.binary_cross_entropy(recon.view(-1, 784), x.view(-1, 784), reduction: nn.Reduction.Sum);
        var kld = -0.5 * (1 + logVar - mu.pow(2) - logVar.exp()).sum();
        manual_seed(11);
        var loss = Elbo.Loss(vae, x);  // draws the same eps, so the same z
        double expected = bce.item<float>() + kld.item<float>();
        Assert.Equal(expected, loss.item<float>(), expected * 1e-4);
    }

    [Fact]
    public void ElboTermsAreTheExpectedLogLikelihoodAndTheKlOfTheSameDraw()
    {
        var vae = new Vae(hiddenDim: 32, latentDim: 4);
        using var scope = NewDisposeScope();
        var x = rand(5, 1, 28, 28, generator: new Generator(4));
        var (logLikelihood, kl) = Elbo.Terms(vae, x, new Generator(9));
        var (mu, logVar) = vae.Encode(x);
        var z = vae.Reparameterize(mu, logVar, new Generator(9));
        Assert.True(logLikelihood.allclose(vae.LogLikelihood(x, z)), "the expected log-likelihood must use the seeded z");
        Assert.True(kl.allclose(Kl.ClosedForm(mu, logVar)));
        Assert.True((kl > 0).all().item<bool>() && (logLikelihood < 0).all().item<bool>(), "KL > 0 and log p(x|z) < 0 for a Bernoulli decoder");
    }

    [Fact]
    public void GaussianLogLikelihoodIsTheDiagonalGaussianDensity()
    {
        var vae = new GaussianVae();
        using var scope = NewDisposeScope();
        var x = rand(2, 1, 28, 28, generator: new Generator(5));
        var z = randn(2, 20, generator: new Generator(6));
        var (mean, logVar) = vae.DecodeGaussian(z);
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
