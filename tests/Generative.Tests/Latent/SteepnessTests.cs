using Generative.Latent;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Tests.Latent;

public class SteepnessTests
{
    [Fact]
    public void ALinearDecoderIsAsSteepAsItsFrobeniusNormOverTheRootOfTheCodeLength()
    {
        var g = new Generator(3);
        using var a = randn(40, 8, generator: g);
        using var codes = randn(6, 8, generator: g);
        using var steepness = Steepness.Of(z => z.matmul(a.T), codes, directions: 4000, step: 0.5);
        double expected = a.norm().item<float>() / Math.Sqrt(8);
        foreach (var s in steepness.data<float>().ToArray())
            Assert.InRange(s, 0.95 * expected, 1.05 * expected);
    }

    [Fact]
    public void CodesWhereTheImageFlipsAreSteeperThanCodesWhereItSettles()
    {
        // The "image" switches from 0 to 1 as the first coordinate crosses 0, as a generator's digit switches between two classes.
        Func<Tensor, Tensor> decode = z => sigmoid(20 * z[.., 0]).unsqueeze(1).expand(-1, 10);
        using var codes = tensor(new float[,] { { 3, 0.1f }, { 0, 0.1f }, { 0.3f, 0.1f } });
        var steepness = Steepness.Of(decode, codes).data<float>().ToArray();
        Assert.True(steepness[1] > steepness[2] && steepness[2] > steepness[0], string.Join(", ", steepness));
    }

    [Fact]
    public void ASingleCodeOrNoDirectionIsRefused()
    {
        using var code = zeros(8);
        Assert.Contains("[N, D]", Assert.Throws<ArgumentException>(() => Steepness.Of(z => z, code)).Message);
        using var codes = zeros(2, 8);
        Assert.Throws<ArgumentOutOfRangeException>(() => Steepness.Of(z => z, codes, directions: 0));
    }
}
