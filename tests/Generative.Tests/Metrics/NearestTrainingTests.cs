using Generative.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Tests.Metrics;

public class NearestTrainingTests
{
    [Fact]
    public void FindsTheCopiedTrainingImageAcrossChunksAtTheNoiseDistance()
    {
        var g = new Generator(5);
        using var training = rand(1000, 1, 28, 28, generator: g);
        long[] copied = [3, 499, 500, 998];
        using var noise = randn(copied.Length, 1, 28, 28, generator: g) * 0.01;
        using var queries = training.index_select(0, tensor(copied)) + noise;

        using var matches = NearestTraining.Find(queries, training, batchSize: 300);

        Assert.True(matches.Neighbours.eq(training.index_select(0, tensor(copied))).all().item<bool>());
        using var noiseNorms = noise.flatten(1).norm(1).to_type(ScalarType.Float64);
        var expected = noiseNorms.data<double>().ToArray();
        for (int i = 0; i < copied.Length; i++) Assert.Equal(expected[i], matches.Distances[i], 3);
    }

    [Fact]
    public void NewImagesSitFartherThanCopies()
    {
        var g = new Generator(6);
        using var training = rand(500, 1, 28, 28, generator: g);
        using var fresh = rand(20, 1, 28, 28, generator: g);
        using var copies = training[..20] + 0.001;

        using var freshMatches = NearestTraining.Find(fresh, training);
        using var copyMatches = NearestTraining.Find(copies, training);

        // Uniform pixels: two independent images differ by about sqrt(784 / 6) = 11.4 in norm.
        Assert.InRange(freshMatches.MedianDistance, 9, 12);
        Assert.InRange(copyMatches.MedianDistance, 0, 0.05);
    }

    [Fact]
    public void RefusesImagesOfAnotherSize()
    {
        using var training = rand(10, 1, 28, 28);
        using var queries = rand(2, 1, 14, 14);
        var error = Assert.Throws<ArgumentException>(() => NearestTraining.Find(queries, training));
        Assert.Contains("same size", error.Message);
    }
}
