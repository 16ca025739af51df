using Generative.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Metrics;

/// <summary>The Frechet distance between Gaussians fitted to two sets of features (FID's formula, on the course classifier's features).</summary>
public static class Frechet
{
    /// <summary>
    /// ||mu1 - mu2||^2 + Tr(C1 + C2 - 2 (C1 C2)^(1/2)) for the means and covariances of the rows of two feature sets [N, F], in float64.
    /// </summary>
    /// <remarks>
    /// Tr (C1 C2)^(1/2) equals Tr (S C2 S)^(1/2) with S = C1^(1/2), and S C2 S is symmetric positive semi-definite, so both square roots
    /// come from eigh with negative round-off clamped to 0; no general (non-symmetric) matrix square root is needed.
    /// </remarks>
    public static double Distance(Tensor featuresA, Tensor featuresB)
    {
        if (featuresA.dim() != 2 || featuresB.dim() != 2 || featuresA.shape[1] != featuresB.shape[1])
            throw new ArgumentException($"features must be two matrices [N, F] with the same F; got [{string.Join(",", featuresA.shape)}] and [{string.Join(",", featuresB.shape)}]");
        if (featuresA.shape[0] < 2 || featuresB.shape[0] < 2)
            throw new ArgumentException("each feature set needs at least 2 rows to have a covariance");
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var (mu1, c1) = MeanAndCovariance(featuresA);
        var (mu2, c2) = MeanAndCovariance(featuresB.to(featuresA.device));
        var sqrtC1 = SymmetricSqrt(c1);
        var middle = sqrtC1.matmul(c2).matmul(sqrtC1);
        var (eigenvalues, _) = linalg.eigh((middle + middle.t()) / 2);
        var traceSqrt = eigenvalues.clamp_min(0).sqrt().sum();
        var distance = (mu1 - mu2).square().sum() + c1.trace() + c2.trace() - 2 * traceSqrt;
        return Math.Max(0, distance.item<double>());
    }

    /// <summary>The Frechet distance between two image sets [N,1,28,28] in the feature space of <paramref name="extractor"/>, features computed in batches under no_grad.</summary>
    public static double Distance(IFeatureExtractor extractor, Tensor imagesA, Tensor imagesB, int batchSize = 500)
    {
        using var a = Features(extractor, imagesA, batchSize);
        using var b = Features(extractor, imagesB, batchSize);
        return Distance(a, b);
    }

    /// <summary>Features [N, F] of <paramref name="images"/>, in batches under no_grad with the extractor in eval mode.</summary>
    public static Tensor Features(IFeatureExtractor extractor, Tensor images, int batchSize = 500)
    {
        using var evalMode = Inference.EvalMode(extractor);
        return Inference.MapBatched(images, batchSize, extractor.Features);
    }

    /// <summary>The rows' mean and unbiased covariance, in float64.</summary>
    internal static (Tensor Mean, Tensor Covariance) MeanAndCovariance(Tensor features)
    {
        var f = features.to_type(ScalarType.Float64);
        var mean = f.mean([0]);
        var centered = f - mean;
        return (mean, centered.t().matmul(centered) / (f.shape[0] - 1));
    }

    static Tensor SymmetricSqrt(Tensor c)
    {
        var (eigenvalues, eigenvectors) = linalg.eigh(c);
        return (eigenvectors * eigenvalues.clamp_min(0).sqrt()).matmul(eigenvectors.t());
    }
}
