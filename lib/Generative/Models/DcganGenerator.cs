using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Generative.Models;

/// <summary>The DCGAN generator for 28x28 digits: z read as its <see cref="LatentCode"/> says, projected by three fully connected
/// layers (two hidden layers of 512 units, then 7x7 maps of 2 ngf), then transposed convolutions 7x7 -> 14x14 (ngf) -> 28x28;
/// BatchNorm and ReLU inside, Tanh at the output.</summary>
/// <remarks>Radford et al.'s guidelines (no pooling: upsampling is learned by strided transposed convolutions; BatchNorm everywhere
/// except the output layer; ReLU inside and Tanh at the output), with two measured deviations. z is projected by fully connected
/// hidden layers, as in InfoGAN's MNIST generator (Chen et al., 2016), one deeper than theirs: with a single transposed convolution
/// from z instead, this small generator drew strokes without the digit's overall shape; the second hidden layer drew digits the
/// evaluation network was surer of, for 5 to 15 % more time per epoch. And z can carry InfoGAN's codes (<see cref="CategoricalCode"/>).</remarks>
public sealed class DcganGenerator : Module<Tensor, Tensor>
{
    readonly Module<Tensor, Tensor> main;

    /// <summary>How z is read.</summary>
    public LatentCode Code { get; }

    /// <summary>Size of the noise vector z.</summary>
    public int LatentDim => Code.Dim;

    /// <summary>Builds the generator; <paramref name="ngf"/> is the width of the last hidden layer (the 14x14 one), as in dcgan/main.py,
    /// and <paramref name="hidden"/> the width of the two fully connected layers after z.</summary>
    /// <param name="code">How z is read: a length alone (an int) is plain noise.</param>
    /// <param name="ngf">Width of the 14x14 layer.</param>
    /// <param name="hidden">Width of the fully connected layers.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="hidden"/> is not positive, or the code does not fit in z.</exception>
    public DcganGenerator(LatentCode code, int ngf = 32, int hidden = 512) : base(nameof(DcganGenerator))
    {
        if (hidden < 1) throw new ArgumentOutOfRangeException(nameof(hidden), hidden, "the fully connected layers need a positive width (the course uses 512)");
        Code = code.Validated();
        main = Sequential([
            .. code.HasCodes ? new Module<Tensor, Tensor>[] { new CategoricalCode(code) } : [],
            Linear(code.Dim, hidden), BatchNorm1d(hidden), ReLU(),
            Linear(hidden, hidden), BatchNorm1d(hidden), ReLU(),
            Linear(hidden, ngf * 2 * 7 * 7), BatchNorm1d(ngf * 2 * 7 * 7), ReLU(), Unflatten(1, [ngf * 2, 7, 7]),   // 7x7
            ConvTranspose2d(ngf * 2, ngf, kernel_size: 4, stride: 2, padding: 1, bias: false),                      // 14x14
            BatchNorm2d(ngf), ReLU(),
            ConvTranspose2d(ngf, 1, kernel_size: 4, stride: 2, padding: 1, bias: false),                            // 28x28
            Tanh()]);
        RegisterComponents();
        DcganInit.Apply(this);
    }

    /// <summary>Images [N,1,28,28] in [-1,1] for noise [N,LatentDim].</summary>
    public override Tensor forward(Tensor z) => main.forward(z.view(-1, LatentDim));
}
