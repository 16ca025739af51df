using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Metrics;

/// <summary>For each image, its nearest training image in pixel space (Euclidean) and the distance to it.</summary>
/// <param name="Neighbours">The nearest training image of each query, [N,1,28,28].</param>
/// <param name="Distances">The Euclidean distance from each query to its neighbour, in pixel units of [0,1] images.</param>
public sealed record NearestMatches(Tensor Neighbours, double[] Distances) : IDisposable
{
    /// <summary>The median of <see cref="Distances"/>.</summary>
    public double MedianDistance => Distances.Order().ElementAt(Distances.Length / 2);

    /// <inheritdoc/>
    public void Dispose() => Neighbours.Dispose();
}

/// <summary>The memorisation check: a generator that copies its training set draws images at distance about 0 from a
/// training image, while new digits sit about as far from their nearest training image as real test digits do.</summary>
public static class NearestTraining
{
    /// <summary>Finds the nearest of <paramref name="training"/> for every image of <paramref name="queries"/>.</summary>
    /// <param name="queries">Images [N,1,28,28] (or [N,784]) in [0,1].</param>
    /// <param name="training">The training images, in the same layout.</param>
    /// <param name="batchSize">Training images compared at once; bounds the distance matrix at N × batchSize.</param>
    public static NearestMatches Find(Tensor queries, Tensor training, int batchSize = 10_000)
    {
        if (queries.shape[0] == 0) throw new ArgumentException("give at least one image to match", nameof(queries));
        if (queries[0].numel() != training[0].numel())
            throw new ArgumentException($"queries have {queries[0].numel()} pixels per image and training images {training[0].numel()}; both must be the same size", nameof(queries));
        using var scope = NewDisposeScope();
        var q = queries.flatten(1).to_type(ScalarType.Float32);
        var best = full(q.shape[0], double.PositiveInfinity);
        var bestIndex = zeros(q.shape[0], dtype: ScalarType.Int64);
        for (long start = 0; start < training.shape[0]; start += batchSize)
        {
            var chunk = training.narrow(0, start, Math.Min(batchSize, training.shape[0] - start)).flatten(1).to_type(ScalarType.Float32);
            var (distance, index) = cdist(q, chunk).min(1);
            var closer = distance < best;
            best = where(closer, distance, best);
            bestIndex = where(closer, index + start, bestIndex);
        }
        var neighbours = training.index_select(0, bestIndex).view(-1, 1, 28, 28).MoveToOuterDisposeScope();
        return new NearestMatches(neighbours, best.to_type(ScalarType.Float64).data<double>().ToArray());
    }
}
