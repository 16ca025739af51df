using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Generative.Models;

/// <summary>The DCGAN discriminator for 28x28 digits: strided convolutions 28 -> 14 -> 7, LeakyReLU(0.2), BatchNorm except at the input,
/// then a fully connected hidden layer over the 7x7 maps; logits [N].</summary>
/// <remarks>Downsampling by stride instead of pooling, as Radford et al. recommend. The fully connected hidden layer (as in InfoGAN's MNIST
/// discriminator, Chen et al., 2016) departs from their guidelines: it lets D judge the digit's overall shape, not only local strokes.
/// Logits rather than a final sigmoid, so the loss is binary_cross_entropy_with_logits, which stays finite and keeps its gradient when D is confident.</remarks>
public sealed class DcganDiscriminator : Module<Tensor, Tensor>
{
    readonly Module<Tensor, Tensor> main;

    /// <summary>The narrowest first layer that trains reliably on this libtorch; see <see cref="DcganDiscriminator(int, int)"/>.</summary>
    public const int MinimumWidth = 16;

    /// <summary>Builds the discriminator; <paramref name="ndf"/> is the width of the first layer, as in dcgan/main.py, and
    /// <paramref name="hidden"/> the width of the fully connected layer before the logit; 0 builds the paper's all-convolutional
    /// discriminator instead, whose logit is a 7x7 convolution over the last maps.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ndf"/> is below <see cref="MinimumWidth"/>, or <paramref name="hidden"/> is negative.</exception>
    /// <remarks>
    /// libtorch 2.10's CPU backward of a strided convolution from one input channel to 8 or fewer filters builds the input
    /// gradient from memory it never initialised: when that memory last held NaN bit patterns, the gradient the generator
    /// learns from is NaN, and training diverges at a random step. Widths of 16 and more take another kernel
    /// (seen on an AVX-512 CPU; tests/Generative.Tests/Models/ConvolutionGradientTests.cs checks every width is refused or finite).
    /// </remarks>
    public DcganDiscriminator(int ndf = 32, int hidden = 256) : base(nameof(DcganDiscriminator))
    {
        if (ndf < MinimumWidth)
            throw new ArgumentOutOfRangeException(nameof(ndf), ndf,
                $"ndf must be at least {MinimumWidth}: narrower first layers hit a libtorch CPU bug that makes the generator's gradient NaN at random steps.");
        if (hidden < 0) throw new ArgumentOutOfRangeException(nameof(hidden), hidden, "the fully connected layer's width must be positive, or 0 for none");
        Module<Tensor, Tensor>[] judge = hidden > 0
            ? [Flatten(), Linear(ndf * 2 * 7 * 7, hidden), LeakyReLU(0.2), Linear(hidden, 1)]
            : [Conv2d(ndf * 2, 1, kernel_size: 7, bias: false)];
        main = Sequential([
            Conv2d(1, ndf, kernel_size: 4, stride: 2, padding: 1, bias: false),            // 14x14
            LeakyReLU(0.2),
            Conv2d(ndf, ndf * 2, kernel_size: 4, stride: 2, padding: 1, bias: false),      // 7x7
            BatchNorm2d(ndf * 2), LeakyReLU(0.2),
            .. judge]);
        RegisterComponents();
        DcganInit.Apply(this);
    }

    /// <summary>Logits [N]: positive means "real".</summary>
    public override Tensor forward(Tensor x) => main.forward(x).view(-1);
}
