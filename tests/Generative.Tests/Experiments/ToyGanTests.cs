using Generative.Experiments;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Tests.Experiments;

public class ToyGanTests
{
    [Fact]
    public void The_data_has_d2l_mean_and_covariance()
    {
        using var scope = NewDisposeScope();
        var points = ToyGan.Data(20_000, seed: 3);
        Assert.Equal(new long[] { 20_000, 2 }, points.shape);
        // x = zA + b: mean b = (1, 2), covariance AᵀA = [[1.01, 1.95], [1.95, 4.25]].
        var mean = points.mean([0]).data<float>().ToArray();
        Assert.Equal(1.0, mean[0], 1);
        Assert.Equal(2.0, mean[1], 1);
        var centred = points - points.mean([0]);
        var cov = (centred.T.matmul(centred) / 19_999).data<float>().ToArray();
        Assert.Equal([1.01, 1.95, 1.95, 4.25], cov.Select(v => Math.Round(v, 1)).ToArray(), (a, b) => Math.Abs(a - b) < 0.11);
    }

    [Fact]
    public void Compare_measures_a_mean_shift_in_the_datas_standard_deviations_and_a_covariance_error_relative_to_the_datas()
    {
        using var scope = NewDisposeScope();
        var data = randn(50_000, 2, generator: new Generator(1)) * tensor(new[] { 1f, 3f });
        var sameCloudShifted = randn(50_000, 2, generator: new Generator(2)) * tensor(new[] { 1f, 3f }) + tensor(new[] { 0f, 3f });
        var fit = ToyGan.Compare(data, sameCloudShifted);
        Assert.Equal(1.0, fit.MeanDistance, 1);        // 3 along an axis whose standard deviation is 3
        Assert.Equal(0.0, fit.CovarianceError, 1);
        var twiceAsWide = randn(50_000, 2, generator: new Generator(3)) * tensor(new[] { 1f, 3f }) * (float)Math.Sqrt(2);
        Assert.Equal(1.0, ToyGan.Compare(data, twiceAsWide).CovarianceError, 1);
        Assert.Throws<ArgumentException>(() => ToyGan.Compare(data, randn(10, 3)));
    }
}
