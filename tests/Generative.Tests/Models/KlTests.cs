using Generative.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Tests.Models;

public class KlTests
{
    [Fact]
    public void ClosedFormMatchesHandComputation()
    {
        using var mu = tensor(new[] { 0f, 0f, 1f, 0f }, [2, 2]);
        using var logVar = tensor(new[] { 0f, 0f, 0f, (float)Math.Log(2) }, [2, 2]);
        using var kl = Kl.ClosedForm(mu, logVar);
        // Second row: 1/2 mu^2 for the first coordinate, 1/2 (s^2 - 1 - log s^2) with s^2 = 2 for the second.
        Assert.Equal(0.0, kl[0].item<float>(), 6);
        Assert.Equal(0.5 + 0.5 * (2 - 1 - Math.Log(2)), kl[1].item<float>(), 5);
    }

    [Fact]
    public void ClosedFormAgreesWithMonteCarloWithinThreeStandardErrors()
    {
        var g = new Generator(7);
        using var mu = randn(6, 4, generator: g);
        using var logVar = randn(6, 4, generator: g) * 0.7;
        using var exact = Kl.ClosedForm(mu, logVar);
        var (estimate, stderr) = Kl.MonteCarlo(mu, logVar, samples: 20_000, generator: new Generator(8));
        using (estimate) using (stderr)
        {
            Assert.Equal([6L], estimate.shape);
            Assert.True((stderr > 0).all().item<bool>());
            var z = ((estimate - exact).abs() / stderr).max().item<float>();
            Assert.True(z < 3, $"the largest gap between Monte Carlo and closed form is {z:F2} standard errors");
        }
    }

    [Fact]
    public void MismatchedShapesAreRejected()
    {
        using var mu = zeros(2, 3);
        using var logVar = zeros(2, 4);
        Assert.Throws<ArgumentException>(() => Kl.ClosedForm(mu, logVar));
    }
}
