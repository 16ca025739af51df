using Generative.Data;
using Generative.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Experiments;

/// <summary>d2l's first GAN (Dive into Deep Learning, section 20.1): 2-d points from a Gaussian stretched by a fixed matrix, which a
/// linear generator can match exactly, so the game's result can be read off a scatter plot and two numbers.</summary>
public static class ToyGan
{
    /// <summary>The data: x = z A + b with z ~ N(0, I), d2l's A and b.</summary>
    public static Tensor Data(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        using var scope = NewDisposeScope();
        var a = tensor(new float[,] { { 1f, 2f }, { -0.1f, 0.5f } });
        var b = tensor(new[] { 1f, 2f });
        return (randn(count, 2, generator: new Generator((ulong)seed)).matmul(a) + b).MoveToOuterDisposeScope();
    }

    /// <summary>Shuffled mini-batches of <paramref name="points"/>; the labels are unused zeros.</summary>
    public static Batches Batches(Tensor points, int batchSize, int seed) => new(points, zeros(points.shape[0]), batchSize, shuffle: true, seed);

    /// <summary>How far generated points are from the data, from the two samples' means and covariances.</summary>
    /// <param name="MeanDistance">The distance between the means in the data's own standard deviations (Mahalanobis).</param>
    /// <param name="CovarianceError">‖Σ_gen − Σ_data‖ / ‖Σ_data‖ (Frobenius norms).</param>
    public sealed record Fit(double MeanDistance, double CovarianceError);

    /// <summary>Compares two point clouds [N,2] by their first two moments, which pin down a Gaussian.</summary>
    public static Fit Compare(Tensor data, Tensor generated)
    {
        foreach (var (t, name) in new[] { (data, nameof(data)), (generated, nameof(generated)) })
            if (t.dim() != 2 || t.shape[1] != 2 || t.shape[0] < 2)
                throw new ArgumentException($"{name} must be [N,2] with N >= 2 points; got [{string.Join(",", t.shape)}].", name);
        using var scope = NewDisposeScope();
        var (mu, cov) = Frechet.MeanAndCovariance(data.detach());
        var (muGen, covGen) = Frechet.MeanAndCovariance(generated.detach());
        var diff = (muGen - mu).unsqueeze(0);
        double mahalanobis = Math.Sqrt(diff.matmul(linalg.inv(cov)).matmul(diff.T).item<double>());
        double covError = ((covGen - cov).norm() / cov.norm()).item<double>();
        return new Fit(mahalanobis, covError);
    }

}
