using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Metrics;

/// <summary>Principal component analysis fitted with torch.linalg: the optimal linear code of a given size, the baseline every autoencoder is compared against.</summary>
public sealed class Pca : IDisposable
{
    /// <summary>The per-feature mean [D] removed before projecting.</summary>
    public Tensor Mean { get; }
    /// <summary>The principal directions [k, D], unit rows, by decreasing variance.</summary>
    public Tensor Components { get; }
    /// <summary>Variance of the data along each component [k] (sample variance, divided by N - 1).</summary>
    public Tensor ExplainedVariance { get; }
    /// <summary>Each component's share of the total variance [k].</summary>
    public Tensor ExplainedVarianceRatio { get; }

    Pca(Tensor mean, Tensor components, Tensor variance, Tensor ratio)
    {
        Mean = mean; Components = components; ExplainedVariance = variance; ExplainedVarianceRatio = ratio;
    }

    /// <summary>Fits <paramref name="k"/> components to <paramref name="x"/>, [N, D] or images [N, ...] flattened per row.</summary>
    /// <remarks>Uses the eigen-decomposition of the D x D covariance in float64: on MNIST that is a 784 x 784 problem, far cheaper than an SVD of the 60000 x 784 data, and float64 keeps small eigenvalues accurate.</remarks>
    public static Pca Fit(Tensor x, int k)
    {
        if (x.dim() < 2 || x.shape[0] < 2) throw new ArgumentException($"PCA needs at least 2 rows of data, shape [N, D] or [N, ...]; got [{string.Join(",", x.shape)}]", nameof(x));
        long d = x.numel() / x.shape[0];
        if (k < 1 || k > d) throw new ArgumentOutOfRangeException(nameof(k), k, $"the number of components must be between 1 and the {d} features");
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var data = x.reshape(x.shape[0], d).to_type(ScalarType.Float64);
        var mean = data.mean([0]);
        var centered = data - mean;
        var covariance = centered.t().matmul(centered) / (x.shape[0] - 1);
        var (eigenvalues, eigenvectors) = linalg.eigh(covariance);
        // eigh sorts ascending; the leading components are the last columns.
        var order = arange(d - 1, d - 1 - k, -1, device: x.device);
        var variance = eigenvalues.index_select(0, order).clamp_min(0);
        var components = eigenvectors.index_select(1, order).t();
        // Eigenvectors are defined up to sign; fixing the largest entry positive makes fits reproducible across runs and devices.
        var largest = components.abs().argmax(1, keepdim: true);
        components = components * components.gather(1, largest).sign();
        var ratio = variance / eigenvalues.clamp_min(0).sum();
        var dtype = is_floating_point(x) ? x.dtype : ScalarType.Float32;
        return new Pca(
            mean.to_type(dtype).MoveToOuterDisposeScope(),
            components.to_type(dtype).MoveToOuterDisposeScope(),
            variance.to_type(dtype).MoveToOuterDisposeScope(),
            ratio.to_type(dtype).MoveToOuterDisposeScope());
    }

    /// <summary>Number of components.</summary>
    public int K => (int)Components.shape[0];

    /// <summary>The codes [N, k] of <paramref name="x"/> ([N, D] or images [N, ...]).</summary>
    public Tensor Project(Tensor x)
    {
        using var scope = NewDisposeScope();
        var data = x.reshape(x.shape[0], -1).to_type(Mean.dtype);
        if (data.shape[1] != Mean.shape[0]) throw new ArgumentException($"the PCA was fitted on {Mean.shape[0]} features but x has {data.shape[1]} per row", nameof(x));
        return (data - Mean).matmul(Components.t()).MoveToOuterDisposeScope();
    }

    /// <summary>Maps codes [N, k] back to the data space, [N, D].</summary>
    public Tensor Decode(Tensor codes)
    {
        using var scope = NewDisposeScope();
        return (codes.to_type(Mean.dtype).matmul(Components) + Mean).MoveToOuterDisposeScope();
    }

    /// <summary>Projects and maps back: the best rank-k linear reconstruction, shaped like <paramref name="x"/> (images in, images out).</summary>
    public Tensor Reconstruct(Tensor x)
    {
        using var scope = NewDisposeScope();
        return Decode(Project(x)).reshape(x.shape).MoveToOuterDisposeScope();
    }

    /// <summary>Releases the fitted tensors.</summary>
    public void Dispose()
    {
        Mean.Dispose(); Components.Dispose(); ExplainedVariance.Dispose(); ExplainedVarianceRatio.Dispose();
    }
}
