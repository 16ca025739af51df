using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Generative.Models;

/// <summary>A fully connected GAN generator: z [N,latent] through 256 and 512 ReLU units to images [N,1,28,28] in [-1,1].</summary>
public sealed class MlpGenerator : Module<Tensor, Tensor>
{
    readonly Module<Tensor, Tensor> main;

    /// <summary>Size of the noise vector z.</summary>
    public int LatentDim { get; }

    /// <summary>Builds the generator.</summary>
    public MlpGenerator(int latentDim = 100) : base(nameof(MlpGenerator))
    {
        LatentDim = latentDim;
        main = Sequential(
            Linear(latentDim, 256), ReLU(),
            Linear(256, 512), ReLU(),
            Linear(512, 28 * 28), Tanh(),
            Unflatten(1, [1, 28, 28]));
        RegisterComponents();
    }

    /// <summary>Images [N,1,28,28] in [-1,1] for noise [N,LatentDim].</summary>
    public override Tensor forward(Tensor z) => main.forward(z);
}
