using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Generative.Models;

/// <summary>A fully connected GAN generator, as CS231n's vanilla GAN: z [N,latent] through two layers of <c>hidden</c> ReLU units
/// to images [N,1,28,28] in [-1,1].</summary>
public sealed class MlpGenerator : Module<Tensor, Tensor>
{
    readonly Module<Tensor, Tensor> main;

    /// <summary>Size of the noise vector z.</summary>
    public int LatentDim { get; }

    /// <summary>Builds the generator.</summary>
    /// <param name="latentDim">Size of z.</param>
    /// <param name="hidden">Units in each of the two hidden layers.</param>
    public MlpGenerator(int latentDim = 100, int hidden = 1024) : base(nameof(MlpGenerator))
    {
        LatentDim = latentDim;
        main = Sequential(
            Linear(latentDim, hidden), ReLU(),
            Linear(hidden, hidden), ReLU(),
            Linear(hidden, 28 * 28), Tanh(),
            Unflatten(1, [1, 28, 28]));
        RegisterComponents();
    }

    /// <summary>Images [N,1,28,28] in [-1,1] for noise [N,LatentDim].</summary>
    public override Tensor forward(Tensor z) => main.forward(z);
}
