using Generative.Models;
using Generative.Tests.Training;
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
        var g = new DcganGenerator(100, 32);
        foreach (var (name, p) in g.named_parameters())
        {
            double n = p.numel(), std = p.std().item<float>(), mean = p.mean().item<float>();
            if (p.dim() == 4)
                // Conv weights ~ N(0, 0.02): with n draws the sample std is within 5 standard errors (0.02 / sqrt(2n)) of 0.02;
                // TorchSharp's default (Kaiming uniform) init is far outside for every layer.
                Assert.InRange(std, 0.02 * (1 - 5 / Math.Sqrt(2 * n)), 0.02 * (1 + 5 / Math.Sqrt(2 * n)));
            else if (name.EndsWith("weight"))
            {
                // BatchNorm scale ~ N(1, 0.02): the mean within 5 standard errors (0.02 / sqrt(n)) of 1, and a spread of about
                // 0.02, which the default constant 1 (spread 0) would fail.
                Assert.InRange(mean, 1 - 5 * 0.02 / Math.Sqrt(n), 1 + 5 * 0.02 / Math.Sqrt(n));
                Assert.InRange(std, 0.01, 0.03);
            }
            else Assert.Equal(0.0, p.abs().max().item<float>());  // BatchNorm shift = 0
        }
    }
}
