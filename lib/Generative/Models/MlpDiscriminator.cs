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

    /// <summary>Builds the discriminator: two layers of <paramref name="hidden"/> LeakyReLU units, as CS231n's vanilla GAN.</summary>
    /// <param name="hidden">Units in each hidden layer; narrower than the generator's, so that D does not run away from G.</param>
    /// <param name="negativeSlope">LeakyReLU's slope for negative inputs, which keeps a gradient flowing back to G everywhere.</param>
    public MlpDiscriminator(int hidden = 256, double negativeSlope = 0.01) : base(nameof(MlpDiscriminator))
    {
        main = Sequential(
            Flatten(),
            Linear(28 * 28, hidden), LeakyReLU(negativeSlope),
            Linear(hidden, hidden), LeakyReLU(negativeSlope),
            Linear(hidden, 1));
        RegisterComponents();
    }

    /// <summary>Logits [N]: positive means "real".</summary>
    public override Tensor forward(Tensor x) => main.forward(x).view(-1);
}
