using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Metrics;

/// <summary>A fitted k-means clustering: centroids [k, D], the cluster of each row [N] (int64), the final within-cluster sum of squares and the Lloyd iterations run.</summary>
public sealed record KMeansResult(Tensor Centroids, Tensor Assignments, double Inertia, int Iterations) : IDisposable
{
    /// <summary>Releases the two tensors.</summary>
    public void Dispose()
    {
        Centroids.Dispose(); Assignments.Dispose();
    }
}

/// <summary>k-means in torch: k-means++ seeding, then Lloyd iterations with batched distance computation; plus cluster purity.</summary>
public static class KMeans
{
    /// <summary>Clusters the rows of <paramref name="x"/> ([N, D], or images [N, ...] flattened) into <paramref name="k"/> groups; stops early once no assignment changes.</summary>
    /// <remarks><paramref name="batchSize"/>: rows whose distances to all centroids are computed at once, bounding memory at batchSize x k.</remarks>
    public static KMeansResult Fit(Tensor x, int k, int seed = 0, int iterations = 50, int batchSize = 4096)
    {
        if (x.dim() < 2) throw new ArgumentException($"k-means needs rows of data, shape [N, D] or [N, ...]; got [{string.Join(",", x.shape)}]", nameof(x));
        long n = x.shape[0];
        if (k < 1 || k > n) throw new ArgumentOutOfRangeException(nameof(k), k, $"the number of clusters must be between 1 and the {n} rows");
        if (iterations < 1) throw new ArgumentOutOfRangeException(nameof(iterations), iterations, "at least one Lloyd iteration is needed");
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var data = x.reshape(n, -1).to_type(ScalarType.Float32);
        var generator = new Generator((ulong)seed, data.device);
        // Row norms never change, so the ||x||^2 term of every distance is computed once.
        var rowNorms = data.square().sum(1, keepdim: true);
        var centroids = PlusPlusInit(data, rowNorms, k, generator, batchSize);
        Tensor? assignments = null;
        int iteration = 0;
        while (iteration < iterations)
        {
            iteration++;
            // One scope per iteration, so memory does not grow with the number of iterations.
            using var step = NewDisposeScope();
            var (nearest, _) = Nearest(data, rowNorms, centroids, batchSize);
            bool converged = assignments is not null && nearest.eq(assignments).all().item<bool>();
            assignments?.Dispose();
            assignments = nearest.MoveToOuterDisposeScope();
            if (converged) break;
            var sums = zeros_like(centroids).index_add_(0, assignments, data, 1);
            var counts = bincount(assignments, minlength: k).to_type(data.dtype).unsqueeze(1);
            // An emptied cluster keeps its previous centroid rather than becoming NaN.
            var updated = where(counts > 0, sums / counts.clamp_min(1), centroids).MoveToOuterDisposeScope();
            centroids.Dispose();
            centroids = updated;
        }
        var (final, distances) = Nearest(data, rowNorms, centroids, batchSize);
        double inertia = distances.to_type(ScalarType.Float64).sum().item<double>();
        return new KMeansResult(centroids.MoveToOuterDisposeScope(), final.MoveToOuterDisposeScope(), inertia, iteration);
    }

    /// <summary>Share of rows whose label is the majority label of their cluster: 1 when every cluster holds a single class.</summary>
    public static double Purity(Tensor assignments, Tensor labels)
    {
        if (assignments.dim() != 1 || !assignments.shape.SequenceEqual(labels.shape))
            throw new ArgumentException($"assignments [{string.Join(",", assignments.shape)}] and labels [{string.Join(",", labels.shape)}] must be two vectors of the same length");
        if (assignments.shape[0] == 0) throw new ArgumentException("purity of an empty set is undefined", nameof(assignments));
        using var scope = NewDisposeScope();
        var a = assignments.to_type(ScalarType.Int64);
        var y = labels.to_type(ScalarType.Int64);
        long clusters = a.max().item<long>() + 1, classes = y.max().item<long>() + 1;
        var table = bincount(a * classes + y, minlength: clusters * classes).view(clusters, classes);
        return (double)table.max(1).values.sum().item<long>() / a.shape[0];
    }

    /// <summary>k-means++: each next centroid is a row drawn with probability proportional to its squared distance to the nearest centroid so far.</summary>
    static Tensor PlusPlusInit(Tensor data, Tensor rowNorms, int k, Generator generator, int batchSize)
    {
        long n = data.shape[0];
        var chosen = new List<long> { randint(n, [1], generator: generator, device: data.device).item<long>() };
        var closest = SquaredDistances(data, rowNorms, data[chosen[0]].unsqueeze(0), batchSize).squeeze(1);
        while (chosen.Count < k)
        {
            using var step = NewDisposeScope();
            // All remaining rows coincide with a centroid: any of them will do.
            var weights = closest.sum().item<float>() > 0 ? closest : ones_like(closest);
            long next = multinomial(weights, 1, generator: generator).item<long>();
            chosen.Add(next);
            closest.copy_(minimum(closest, SquaredDistances(data, rowNorms, data[next].unsqueeze(0), batchSize).squeeze(1)));
        }
        return data.index_select(0, tensor(chosen.ToArray(), device: data.device));
    }

    static (Tensor Index, Tensor Distance) Nearest(Tensor data, Tensor rowNorms, Tensor centroids, int batchSize)
    {
        var indices = new List<Tensor>();
        var distances = new List<Tensor>();
        for (long start = 0; start < data.shape[0]; start += batchSize)
        {
            long length = Math.Min(batchSize, data.shape[0] - start);
            var (values, index) = SquaredDistances(data.narrow(0, start, length), rowNorms.narrow(0, start, length), centroids, batchSize).min(1);
            indices.Add(index);
            distances.Add(values);
        }
        return (cat(indices, 0), cat(distances, 0));
    }

    /// <summary>||a_i - b_j||^2 for all pairs, [A, B], computed a slice of a's rows at a time via ||a||^2 - 2 a.b + ||b||^2, with ||a||^2 [A, 1] given.</summary>
    static Tensor SquaredDistances(Tensor a, Tensor aNorms, Tensor b, int batchSize)
    {
        var bNorms = b.square().sum(1);
        var parts = new List<Tensor>();
        for (long start = 0; start < a.shape[0]; start += batchSize)
        {
            long length = Math.Min(batchSize, a.shape[0] - start);
            // The expansion can go slightly negative from cancellation; distances cannot.
            parts.Add((aNorms.narrow(0, start, length) - 2 * a.narrow(0, start, length).matmul(b.t()) + bNorms).clamp_min(0));
        }
        return parts.Count == 1 ? parts[0] : cat(parts, 0);
    }
}
