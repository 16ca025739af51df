using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Generative.Models;

/// <summary>A convolutional VAE with a Bernoulli decoder, built to work with a 2-d latent (for scatter plots and manifold grids).</summary>
public sealed class ConvVae : VariationalAutoencoder
{
    readonly Module<Tensor, Tensor> encoder, decoder;
    readonly Module<Tensor, Tensor> fcMu, fcLogVar;

    /// <inheritdoc/>
    public override int LatentDim { get; }

    /// <summary>Builds the network; <paramref name="channels"/> is the width of the first convolution (the second has twice as many).</summary>
    public ConvVae(int latentDim = 2, int channels = 32) : base(nameof(ConvVae))
    {
        LatentDim = latentDim;
        int c = channels;
        encoder = Sequential(
            Conv2d(1, c, kernel_size: 4, stride: 2, padding: 1), ReLU(),      // 14x14
            Conv2d(c, 2 * c, kernel_size: 4, stride: 2, padding: 1), ReLU(),  // 7x7
            Flatten(),
            Linear(2 * c * 7 * 7, 256), ReLU());
        fcMu = Linear(256, latentDim);
        fcLogVar = Linear(256, latentDim);
        decoder = Sequential(
            Linear(latentDim, 256), ReLU(),
            Linear(256, 2 * c * 7 * 7), ReLU(),
            Unflatten(1, [2 * c, 7, 7]),
            ConvTranspose2d(2 * c, c, kernel_size: 4, stride: 2, padding: 1), ReLU(),  // 14x14
            ConvTranspose2d(c, 1, kernel_size: 4, stride: 2, padding: 1));             // 28x28 logits
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override (Tensor Mu, Tensor LogVar) Encode(Tensor x)
    {
        var h = encoder.forward(x.view(-1, 1, 28, 28));
        return (fcMu.forward(h), fcLogVar.forward(h));
    }

    /// <summary>Bernoulli logits [N,1,28,28] of p(x|z).</summary>
    public Tensor DecodeLogits(Tensor z) => decoder.forward(z);

    /// <summary>Bernoulli means [N,1,28,28] in (0,1).</summary>
    public override Tensor DecodeMean(Tensor z) => sigmoid(DecodeLogits(z));

    /// <summary>log p(x|z) per example [N], from the logits.</summary>
    public override Tensor LogLikelihood(Tensor x, Tensor z) =>
        -functional.binary_cross_entropy_with_logits(DecodeLogits(z), x.view(-1, 1, 28, 28), reduction: Reduction.None).flatten(1).sum(1);
}
