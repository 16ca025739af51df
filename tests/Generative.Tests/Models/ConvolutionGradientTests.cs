using Generative.Models;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Generative.Tests.Models;

/// <summary>
/// The cause of the GAN loop's NaN that appeared only beside other tests: libtorch 2.10's CPU backward of a strided convolution
/// from one input channel to 8 or fewer filters reads memory it never initialised into the input gradient. Freed memory that
/// last held NaN bit patterns makes that gradient NaN; which freed block the kernel gets depends on what ran before it, hence
/// "only when other tests run beside it". Filling freed memory with NaN first makes the failure deterministic on the CPUs
/// that take that kernel (seen on an AVX-512 machine: a bare 1->8 layer gave NaN in 173-198 of 200 passes, the whole
/// 8-wide discriminator in 9 of 200); other CPUs take another kernel and never show it, so no test asserts that the bug exists.
/// </summary>
[Collection(nameof(Training.SerialTorch))]
public class ConvolutionGradientTests
{
    const int Repeats = 200;

    /// <summary>Leaves freed blocks of many sizes full of NaN, for the next allocations to reuse.</summary>
    static void DirtyFreedMemory()
    {
        for (long size = 16; size <= 1 << 16; size *= 2)
        {
            using var junk = full(size, float.NaN);
        }
    }

    /// <summary>How many of <see cref="Repeats"/> backward passes through <paramref name="layer"/> give a non-finite input gradient.</summary>
    static int NonFiniteInputGradients(Module<Tensor, Tensor> layer)
    {
        manual_seed(0);
        int bad = 0;
        for (int i = 0; i < Repeats; i++)
        {
            DirtyFreedMemory();
            using var scope = NewDisposeScope();
            var x = randn(32, 1, 28, 28, requires_grad: true);
            layer.forward(x).square().sum().backward();
            if (!x.grad!.isfinite().all().item<bool>()) bad++;
        }
        return bad;
    }

    /// <summary>Before the guard, width 8 was accepted and failed here on an affected CPU; now it must be refused instead.</summary>
    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(DcganDiscriminator.MinimumWidth)]
    [InlineData(32)]
    public void Every_discriminator_width_is_refused_or_passes_finite_gradients_to_the_generator(int ndf)
    {
        DcganDiscriminator d;
        try { d = new DcganDiscriminator(ndf); }
        catch (ArgumentOutOfRangeException) { Assert.True(ndf < DcganDiscriminator.MinimumWidth, $"width {ndf} was refused"); return; }
        Assert.Equal(0, NonFiniteInputGradients(d));
    }
    [Fact]
    public void A_discriminator_narrower_than_the_minimum_is_refused_with_the_reason()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new DcganDiscriminator(DcganDiscriminator.MinimumWidth / 2));
        Assert.Contains("libtorch", e.Message);
        Assert.Contains($"at least {DcganDiscriminator.MinimumWidth}", e.Message);
    }
}
