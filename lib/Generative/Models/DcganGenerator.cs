using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Generative.Models;

/// <summary>The DCGAN generator for 28x28 digits: transposed convolutions 1x1 -> 7x7 (2 ngf) -> 14x14 (ngf) -> 28x28, BatchNorm and ReLU, Tanh output.</summary>
/// <remarks>Radford et al.'s guidelines: no pooling or fully connected hidden layers (upsampling is learned by strided
/// transposed convolutions), BatchNorm everywhere except the output layer, ReLU inside and Tanh at the output.</remarks>
public sealed class DcganGenerator : Module<Tensor, Tensor>
{
    readonly Module<Tensor, Tensor> main;

    /// <summary>Size of the noise vector z.</summary>
    public int LatentDim { get; }

    /// <summary>Builds the generator; <paramref name="ngf"/> is the width of the last hidden layer (the 14x14 one), as in dcgan/main.py.</summary>
    public DcganGenerator(int latentDim = 100, int ngf = 32) : base(nameof(DcganGenerator))
    {
        LatentDim = latentDim;
        main = Sequential(
            ConvTranspose2d(latentDim, ngf * 2, kernel_size: 7, stride: 1, padding: 0, bias: false),  // 7x7
            BatchNorm2d(ngf * 2), ReLU(),
            ConvTranspose2d(ngf * 2, ngf, kernel_size: 4, stride: 2, padding: 1, bias: false),        // 14x14
            BatchNorm2d(ngf), ReLU(),
            ConvTranspose2d(ngf, 1, kernel_size: 4, stride: 2, padding: 1, bias: false),              // 28x28
            Tanh());
        RegisterComponents();
        DcganInit.Apply(this);
    }

    /// <summary>Images [N,1,28,28] in [-1,1] for noise [N,LatentDim].</summary>
    public override Tensor forward(Tensor z) => main.forward(z.view(-1, LatentDim, 1, 1));
}
