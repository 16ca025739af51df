using Generative.Data;
using Generative.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Tests.Metrics;

public class PcaTests
{
    /// <summary>200 points on a random 3-dimensional affine subspace of R^10.</summary>
    static Tensor LowRank(Generator g) => randn(200, 3, generator: g).matmul(randn(3, 10, generator: g)) + randn(10, generator: g);

    [Fact]
    public void RecoversLowRankDataExactly()
    {
        using var x = LowRank(new Generator(21));
        using var pca = Pca.Fit(x, 3);
        using var reconstruction = pca.Reconstruct(x);
        Assert.Equal(x.shape, reconstruction.shape);
        Assert.True(reconstruction.allclose(x, rtol: 0, atol: 1e-4), $"largest error {(reconstruction - x).abs().max().item<float>()}");
        Assert.Equal(1.0, pca.ExplainedVarianceRatio.sum().item<float>(), 5);
    }

    [Fact]
    public void ComponentsAreOrthonormalAndSortedAndVariancesAddUp()
    {
        using var x = randn(300, 6, generator: new Generator(22)) * tensor(new[] { 3f, 2.5f, 2f, 1.5f, 1f, 0.5f });
        using var pca = Pca.Fit(x, 6);
        using var gram = pca.Components.matmul(pca.Components.t());
        Assert.True(gram.allclose(eye(6), rtol: 0, atol: 1e-5));
        var variance = pca.ExplainedVariance.data<float>().ToArray();
        Assert.Equal(variance.OrderByDescending(v => v), variance);
        double totalVariance = x.to_type(ScalarType.Float64).var([0]).sum().item<double>();
        Assert.Equal(totalVariance, variance.Sum(), 3);
        Assert.Equal(1.0, pca.ExplainedVarianceRatio.sum().item<float>(), 5);
        using var codes = pca.Project(x);
        Assert.Equal([300L, 6L], codes.shape);
        Assert.True(codes.var([0]).allclose(pca.ExplainedVariance, rtol: 1e-4, atol: 1e-5), "each code's variance is its component's explained variance");
    }

    [Fact]
    public void ImagesInImagesOut()
    {
        using var x = LowRank(new Generator(23)).view(200, 1, 2, 5);
        using var pca = Pca.Fit(x, 3);
        using var codes = pca.Project(x);
        using var reconstruction = pca.Reconstruct(x);
        Assert.Equal([200L, 3L], codes.shape);
        Assert.Equal(x.shape, reconstruction.shape);
    }

    [Fact]
    public void Pca32OnRealMnistIsNearTheAnchor()
    {
        using var mnist = Mnist.Load(trainLimit: 5000, testLimit: 2000, log: TextWriter.Null);
        using var pca = Pca.Fit(mnist.TrainImages, 32);
        double mse = Reconstruction.Mse(pca.Reconstruct, mnist.Test(500));
        // The anchor 0.0168 is PCA-32 fitted on all 60000 training images; fitted on 5000 it overfits a little, so it lands a few percent above.
        Assert.InRange(mse, 0.0168 * 0.97, 0.0168 * 1.08);
    }
}
