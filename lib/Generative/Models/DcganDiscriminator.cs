using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Generative.Models;

/// <summary>The DCGAN discriminator for 28x28 digits: strided convolutions 28 -> 14 -> 7, LeakyReLU(0.2), BatchNorm except at the input,
/// then a fully connected hidden layer over the 7x7 maps; logits [N], and, for a generator with codes, InfoGAN's head Q that
/// guesses each image's codes from the same hidden layer.</summary>
/// <remarks>Downsampling by stride instead of pooling, as Radford et al. recommend. The fully connected hidden layer (as in InfoGAN's MNIST
/// discriminator, Chen et al., 2016) departs from their guidelines: it lets D judge the digit's overall shape, not only local strokes.
/// Logits rather than a final sigmoid, so the loss is binary_cross_entropy_with_logits, which stays finite and keeps its gradient when D is confident.</remarks>
public sealed class DcganDiscriminator : Module<Tensor, Tensor>, ICodeReader
{
    readonly Module<Tensor, Tensor> body, judge;
    readonly Module<Tensor, Tensor>? q;

    /// <summary>The narrowest first layer that trains reliably on this libtorch; see <see cref="DcganDiscriminator(int, int, int)"/>.</summary>
    public const int MinimumWidth = 16;

    /// <summary>Builds the discriminator; <paramref name="ndf"/> is the width of the first layer, as in dcgan/main.py, and
    /// <paramref name="hidden"/> the width of the fully connected layer before the logit.</summary>
    /// <param name="ndf">Width of the first layer.</param>
    /// <param name="hidden">Width of the fully connected layer.</param>
    /// <param name="codeOutputs">Outputs of the head Q (<see cref="LatentCode.Outputs"/>); 0 builds no head.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ndf"/> is below <see cref="MinimumWidth"/>, or a width is not positive.</exception>
    /// <remarks>
    /// libtorch 2.10's CPU backward of a strided convolution from one input channel to 8 or fewer filters builds the input
    /// gradient from memory it never initialised: when that memory last held NaN bit patterns, the gradient the generator
    /// learns from is NaN, and training diverges at a random step. Widths of 16 and more take another kernel
    /// (seen on an AVX-512 CPU; tests/Generative.Tests/Models/ConvolutionGradientTests.cs checks every width is refused or finite).
    /// </remarks>
    public DcganDiscriminator(int ndf = 32, int hidden = 256, int codeOutputs = 0) : base(nameof(DcganDiscriminator))
    {
        if (ndf < MinimumWidth)
            throw new ArgumentOutOfRangeException(nameof(ndf), ndf,
                $"ndf must be at least {MinimumWidth}: narrower first layers hit a libtorch CPU bug that makes the generator's gradient NaN at random steps.");
        if (hidden < 1) throw new ArgumentOutOfRangeException(nameof(hidden), hidden, "the fully connected layer needs a positive width (the course uses 256)");
        if (codeOutputs < 0) throw new ArgumentOutOfRangeException(nameof(codeOutputs), codeOutputs, "the head Q needs 0 outputs (no head) or one per code output");
        body = Sequential(
            Conv2d(1, ndf, kernel_size: 4, stride: 2, padding: 1, bias: false),            // 14x14
            LeakyReLU(0.2),
            Conv2d(ndf, ndf * 2, kernel_size: 4, stride: 2, padding: 1, bias: false),      // 7x7
            BatchNorm2d(ndf * 2), LeakyReLU(0.2),
            Flatten(), Linear(ndf * 2 * 7 * 7, hidden), LeakyReLU(0.2));
        judge = Linear(hidden, 1);
        if (codeOutputs > 0) q = Linear(hidden, codeOutputs);
        RegisterComponents();
        DcganInit.Apply(this);
    }

    /// <summary>Logits [N]: positive means "real".</summary>
    public override Tensor forward(Tensor x) => judge.forward(body.forward(x)).view(-1);

    /// <inheritdoc/>
    public (Tensor Logits, Tensor Codes) Read(Tensor x)
    {
        if (q is null) throw new InvalidOperationException("this discriminator has no head Q: build it with codeOutputs = the generator's LatentCode.Outputs");
        var features = body.forward(x);
        return (judge.forward(features).view(-1), q.forward(features));
    }
}

/// <summary>A discriminator that also guesses the codes a fake was drawn from (InfoGAN's Q, sharing D's layers).</summary>
public interface ICodeReader
{
    /// <summary>D's logits [N] and Q's outputs [N, <see cref="LatentCode.Outputs"/>] for images [N,1,28,28] in [-1,1]: a logit per category, then an estimate per continuous code.</summary>
    (Tensor Logits, Tensor Codes) Read(Tensor x);
}
