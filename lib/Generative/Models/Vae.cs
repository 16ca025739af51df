using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Generative.Models;

/// <summary>The VAE of pytorch/examples' vae/main.py: a 784-400-20 MLP encoder, a 20-400-784 MLP decoder, a Bernoulli p(x|z).</summary>
public sealed class Vae : Module<Tensor, (Tensor Recon, Tensor Mu, Tensor LogVar)>, IVariationalAutoencoder
{
    readonly Linear fc1, fc21, fc22, fc3, fc4;

    /// <summary>Size of the latent code z.</summary>
    public int LatentDim { get; }

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

    /// <summary>Mean and log-variance of q(z|x), each [N,LatentDim].</summary>
    public (Tensor Mu, Tensor LogVar) Encode(Tensor x)
    {
        var h1 = functional.relu(fc1.forward(x.view(-1, 784)));
        return (fc21.forward(h1), fc22.forward(h1));
    }

    /// <summary>z = mu + eps * std with eps ~ N(0, I).</summary>
    public Tensor Reparameterize(Tensor mu, Tensor logVar)
    {
        var std = exp(0.5 * logVar);
        var eps = randn_like(std);
        return mu + eps * std;
    }

    /// <summary>Bernoulli logits [N,784] of p(x|z).</summary>
    public Tensor DecodeLogits(Tensor z) => fc4.forward(functional.relu(fc3.forward(z)));

    /// <summary>Bernoulli means [N,1,28,28] in (0,1).</summary>
    public Tensor Decode(Tensor z) => sigmoid(DecodeLogits(z)).view(-1, 1, 28, 28);

    /// <summary>Reconstruction, mean and log-variance of q(z|x).</summary>
    public override (Tensor Recon, Tensor Mu, Tensor LogVar) forward(Tensor x)
    {
        var (mu, logVar) = Encode(x);
        var z = Reparameterize(mu, logVar);
        return (Decode(z), mu, logVar);
    }

    /// <summary>log p(x|z) per example [N], from the logits so that saturated pixels stay finite.</summary>
    public Tensor LogLikelihood(Tensor x, Tensor z) =>
        -functional.binary_cross_entropy_with_logits(DecodeLogits(z), x.view(-1, 784), reduction: Reduction.None).sum(1);

    /// <summary>Same as <see cref="Decode"/>.</summary>
    public Tensor DecodeMean(Tensor z) => Decode(z);
}
