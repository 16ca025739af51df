using Generative.Models;
using Generative.Tests.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Generative.Tests.Models;

/// <summary>Serial and seeded: the draws must not depend on which parallel test used torch's global generator first.</summary>
[Collection(nameof(SerialTorch))]
public class DcganInitTests
{
    [Fact]
    public void DcganWeightsStartLikeDcganMainPy()
    {
        manual_seed(20);
        foreach (var net in new nn.Module[] { new DcganGenerator(100, 32), new DcganDiscriminator(32) })
            foreach (var (_, m) in net.named_modules())
                switch (m)
                {
                    case Conv2d c: AssertConvolution(c.weight!); break;
                    case ConvTranspose2d c: AssertConvolution(c.weight!); break;
                    case BatchNorm1d b: AssertBatchNorm(b.weight!, b.bias!); break;
                    case BatchNorm2d b: AssertBatchNorm(b.weight!, b.bias!); break;
                    case Linear l:
                        // weights_init leaves Linear alone: PyTorch's default, uniform within ±1/sqrt(fan_in), whose std is that bound / sqrt(3).
                        double bound = 1 / Math.Sqrt(l.weight!.shape[1]);
                        Assert.True(l.weight.abs().max().item<float>() <= bound + 1e-7);
                        Assert.InRange(l.weight.std().item<float>(), 0.9 * bound / Math.Sqrt(3), 1.1 * bound / Math.Sqrt(3));
                        break;
                }
    }

    // Conv weights ~ N(0, 0.02): with n draws the sample std is within 5 standard errors (0.02 / sqrt(2n)) of 0.02;
    // TorchSharp's default (Kaiming uniform) init is far outside for every layer.
    static void AssertConvolution(Tensor w)
    {
        double n = w.numel();
        Assert.InRange(w.std().item<float>(), 0.02 * (1 - 5 / Math.Sqrt(2 * n)), 0.02 * (1 + 5 / Math.Sqrt(2 * n)));
    }

    // BatchNorm scale ~ N(1, 0.02): the mean within 5 standard errors (0.02 / sqrt(n)) of 1, and a spread of about 0.02, which the
    // default constant 1 (spread 0) would fail; the shift is 0.
    static void AssertBatchNorm(Tensor scale, Tensor shift)
    {
        double n = scale.numel();
        Assert.InRange(scale.mean().item<float>(), 1 - 5 * 0.02 / Math.Sqrt(n), 1 + 5 * 0.02 / Math.Sqrt(n));
        Assert.InRange(scale.std().item<float>(), 0.01, 0.03);
        Assert.Equal(0.0, shift.abs().max().item<float>());
    }
}
