using Generative.Data;
using Generative.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Tests.Metrics;

public class ReconstructionTests
{
    static Batches Set(Tensor x) => new(x, zeros(x.shape[0], dtype: ScalarType.Int64), 3, shuffle: false, seed: 0);

    [Fact]
    public void PerfectReconstructionHasZeroMse()
    {
        using var x = rand(10, 1, 28, 28, generator: new Generator(1));
        Assert.Equal(0.0, Reconstruction.Mse(t => t.clone(), Set(x)), 12);
    }

    [Fact]
    public void MseOfBlankReconstructionIsTheMeanSquaredPixel()
    {
        using var x = rand(10, 1, 28, 28, generator: new Generator(2));
        double expected = x.to_type(ScalarType.Float64).square().mean().item<double>();
        Assert.Equal(expected, Reconstruction.Mse(t => zeros_like(t), Set(x)), 6);
    }

    [Fact]
    public void AWronglyShapedReconstructionIsRejected()
    {
        using var x = rand(4, 1, 28, 28);
        var error = Assert.Throws<ArgumentException>(() => Reconstruction.Mse(t => t.view(t.shape[0], -1), Set(x)));
        Assert.Contains("shape", error.Message);
    }
}
