using Generative.Data;
using Generative.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Tests.Metrics;

public class KMeansTests
{
    static readonly float[,] Centres = { { 0, 0 }, { 10, 0 }, { 0, 10 }, { 10, 10 } };

    static (Tensor X, Tensor Labels) Blobs(int perBlob, Generator g)
    {
        using var centres = tensor(Centres);
        var labels = arange(centres.shape[0], dtype: ScalarType.Int64).repeat_interleave(perBlob);
        var x = centres.index_select(0, labels) + 0.3 * randn(labels.shape[0], 2, generator: g);
        return (x, labels);
    }

    [Fact]
    public void SeparatedBlobsAreRecoveredWithPurityOne()
    {
        var (x, labels) = Blobs(100, new Generator(31));
        using (x) using (labels)
        {
            using var result = KMeans.Fit(x, k: 4, seed: 0, iterations: 20, batchSize: 64);
            Assert.Equal([4L, 2L], result.Centroids.shape);
            Assert.Equal([400L], result.Assignments.shape);
            Assert.Equal(1.0, KMeans.Purity(result.Assignments, labels), 12);
            using var centres = tensor(Centres);
            // Each true centre has a centroid within a few noise widths.
            var nearest = cdist(centres, result.Centroids).min(1).values;
            Assert.True(nearest.max().item<float>() < 0.2f);
            Assert.True(result.Iterations < 20, "Lloyd iterations stop once assignments settle");
        }
    }

    [Fact]
    public void TheSameSeedGivesTheSameClustering()
    {
        using var x = randn(300, 5, generator: new Generator(32));
        using var a = KMeans.Fit(x, k: 6, seed: 3);
        using var b = KMeans.Fit(x, k: 6, seed: 3);
        Assert.True(a.Centroids.eq(b.Centroids).all().item<bool>());
        Assert.Equal(a.Inertia, b.Inertia);
    }

    [Fact]
    public void PurityCountsTheMajorityLabelOfEachCluster()
    {
        using var assignments = tensor(new long[] { 0, 0, 1, 1, 1, 2 });
        using var labels = tensor(new long[] { 3, 4, 5, 5, 5, 5 });
        // Cluster 0 has one of its two rows right, clusters 1 and 2 all: 5 of 6.
        Assert.Equal(5.0 / 6, KMeans.Purity(assignments, labels), 12);
    }

    [Fact]
    public void ClustersOfRealDigitsAreFarPurerThanChance()
    {
        using var mnist = Mnist.Load(trainLimit: 1000, testLimit: 1, log: TextWriter.Null);
        using var result = KMeans.Fit(mnist.TrainImages, k: 10, seed: 0, iterations: 15, batchSize: 512);
        // Chance is about 0.11 (the largest class share); k-means on raw MNIST pixels typically reaches 0.5-0.6.
        Assert.InRange(KMeans.Purity(result.Assignments, mnist.TrainLabels), 0.45, 0.75);
        Assert.Equal([10L, 784L], result.Centroids.shape);
    }
}
