using Generative.Metrics;
using Generative.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Tests.Metrics;

public class FrechetTests
{
    sealed class PixelFeatures : IFeatureExtractor
    {
        public Tensor Features(Tensor x) => x.reshape(x.shape[0], -1)[.., ..5];
    }

    [Fact]
    public void ASetIsAtDistanceZeroFromItself()
    {
        using var features = randn(500, 16, generator: new Generator(41)) * 3 + 1;
        Assert.InRange(Frechet.Distance(features, features), 0, 1e-6);
    }

    [Fact]
    public void MatchesTheClosedFormForDiagonalGaussians()
    {
        var g = new Generator(42);
        double[] m1 = [0, 0, 0], m2 = [1, -0.5, 0.25], s1 = [1, 2, 0.5], s2 = [1.5, 1, 0.5];
        using var a = randn(40_000, 3, dtype: ScalarType.Float64, generator: g) * tensor(s1) + tensor(m1);
        using var b = randn(40_000, 3, dtype: ScalarType.Float64, generator: g) * tensor(s2) + tensor(m2);
        // For commuting (here diagonal) covariances the trace term is sum (s1 - s2)^2.
        double expected = Enumerable.Range(0, 3).Sum(i => Math.Pow(m1[i] - m2[i], 2) + Math.Pow(s1[i] - s2[i], 2));
        Assert.InRange(Frechet.Distance(a, b), expected - 0.05, expected + 0.05);
    }

    [Fact]
    public void TheImageVersionUsesTheExtractorsFeatures()
    {
        var g = new Generator(43);
        using var imagesA = rand(300, 1, 28, 28, generator: g);
        using var imagesB = rand(200, 1, 28, 28, generator: g).square();
        var extractor = new PixelFeatures();
        double direct = Frechet.Distance(extractor.Features(imagesA), extractor.Features(imagesB));
        Assert.Equal(direct, Frechet.Distance(extractor, imagesA, imagesB, batchSize: 64), 9);
        Assert.True(direct > 0.1);
    }
}
