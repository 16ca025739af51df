using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Generative.Models;

/// <summary>A fully connected GAN discriminator: images [N,1,28,28] in [-1,1] to real-vs-fake logits [N].</summary>
/// <remarks>It returns logits, not probabilities: binary_cross_entropy_with_logits computes log sigmoid stably, whereas a
/// sigmoid followed by BCE saturates to log(0) when D is confident, which is exactly when G needs a gradient.</remarks>
public sealed class MlpDiscriminator : Module<Tensor, Tensor>
{
    readonly Module<Tensor, Tensor> main;

    /// <summary>Builds the discriminator.</summary>
    public MlpDiscriminator() : base(nameof(MlpDiscriminator))
    {
        main = Sequential(
            Flatten(),
            Linear(28 * 28, 512), LeakyReLU(0.2),
            Linear(512, 256), LeakyReLU(0.2),
            Linear(256, 1));
        RegisterComponents();
    }

    /// <summary>Logits [N]: positive means "real".</summary>
    public override Tensor forward(Tensor x) => main.forward(x).view(-1);
}
