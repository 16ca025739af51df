using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Generative.Models;

/// <summary>The VAE of pytorch/examples' vae/main.py: a 784-400-20 MLP encoder, a 20-400-784 MLP decoder, a Bernoulli p(x|z).</summary>
/// <remarks>
/// Follows vae/main.py at pytorch/examples commit fcce71c1f0ae34bef104aeea8e0e008ea58058a8 (2025-06-15), whose loss is
/// binary cross-entropy plus the closed-form KL; later versions of that file changed the loss.
/// </remarks>
public sealed class Vae : VariationalAutoencoder
{
    readonly Linear fc1, fc21, fc22, fc3, fc4;

    /// <inheritdoc/>
    public override int LatentDim { get; }

    /// <summary>Width of the hidden layer of encoder and decoder.</summary>
    public int HiddenDim { get; }

    /// <summary>Builds the network; the defaults are pytorch/examples' sizes.</summary>
    public Vae(int hiddenDim = 400, int latentDim = 20) : base(nameof(Vae))
    {
        HiddenDim = hiddenDim;
        LatentDim = latentDim;
        fc1 = Linear(784, hiddenDim);
        fc21 = Linear(hiddenDim, latentDim);
        fc22 = Linear(hiddenDim, latentDim);
        fc3 = Linear(latentDim, hiddenDim);
        fc4 = Linear(hiddenDim, 784);
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override (Tensor Mu, Tensor LogVar) Encode(Tensor x)
    {
        var h1 = functional.relu(fc1.forward(x.view(-1, 784)));
        return (fc21.forward(h1), fc22.forward(h1));
    }

    /// <summary>Bernoulli logits [N,784] of p(x|z).</summary>
    public Tensor DecodeLogits(Tensor z) => fc4.forward(functional.relu(fc3.forward(z)));

    /// <summary>Bernoulli means [N,1,28,28] in (0,1).</summary>
    public override Tensor DecodeMean(Tensor z) => sigmoid(DecodeLogits(z)).view(-1, 1, 28, 28);

    /// <summary>log p(x|z) per example [N], from the logits so that saturated pixels stay finite.</summary>
    public override Tensor LogLikelihood(Tensor x, Tensor z) =>
        -functional.binary_cross_entropy_with_logits(DecodeLogits(z), x.view(-1, 784), reduction: Reduction.None).sum(1);
}
