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
/// evaluation network was surer of, for 5 to 15 % more time per epoch. And z can carry InfoGAN's codes (<see cref="CategoricalCode"/>); its
/// shear and style codes skip the layers that lay out the digit. The shear code shears the last hidden maps (<see cref="Shear"/>), so it can
/// tilt the digit but not change it; the style codes scale and shift those maps and the output (<see cref="StyleModulation"/>), and the
/// first of them thickens or thins the output's strokes (<see cref="StrokeWidth"/>), so they can change how the strokes are drawn but not where.</remarks>
public sealed class DcganGenerator : Module<Tensor, Tensor>
{
    readonly Module<Tensor, Tensor> read, layout, strokes, output, squash;
    readonly StyleModulation? strokeStyle, outputStyle;
    readonly Shear? shear;
    readonly StrokeWidth? strokeWidth;

    /// <summary>The output shift's starting slope per unit of the style code, before the Tanh.</summary>
    public const double OutputStyleShift = 0.5;

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
        read = code.HasCodes ? new CategoricalCode(code) : Identity();
        layout = Sequential(
            Linear(code.ContentInputs, hidden), BatchNorm1d(hidden), ReLU(),
            Linear(hidden, hidden), BatchNorm1d(hidden), ReLU(),
            Linear(hidden, ngf * 2 * 7 * 7), BatchNorm1d(ngf * 2 * 7 * 7), ReLU(), Unflatten(1, [ngf * 2, 7, 7]),   // 7x7
            ConvTranspose2d(ngf * 2, ngf, kernel_size: 4, stride: 2, padding: 1, bias: false),                      // 14x14
            BatchNorm2d(ngf));
        strokes = ReLU();
        output = ConvTranspose2d(ngf, 1, kernel_size: 4, stride: 2, padding: 1, bias: false);                        // 28x28
        squash = Tanh();
        if (code.Shear > 0) shear = new Shear();
        if (code.Style > 0)
        {
            strokeStyle = new StyleModulation(code.Style, ngf);
            // Started as a shift of the output, which thickens or thins every stroke, rather than at zero: like StrokeWidth's starting
            // gain (its remarks give what was measured), so that Q can read the code from the first step.
            outputStyle = new StyleModulation(code.Style, 1, scale: false, initialShift: OutputStyleShift);
            strokeWidth = new StrokeWidth();
        }
        RegisterComponents();
        DcganInit.Apply(this);
    }

    /// <summary>Images [N,1,28,28] in [-1,1] for noise [N,LatentDim].</summary>
    public override Tensor forward(Tensor z) => Flow(z, null);

    /// <summary>The shape of codes <paramref name="z"/> after each layer, in the order <see cref="forward"/> applies them, e.g. "Linear: [1, 512]".</summary>
    public IReadOnlyList<string> Trace(Tensor z)
    {
        var seen = new List<string> { $"z: [{string.Join(", ", z.shape)}]" };
        using var scope = NewDisposeScope();
        Flow(z, (layer, x) => seen.Add($"{layer}: [{string.Join(", ", x.shape)}]"));
        return seen;
    }

    Tensor Flow(Tensor z, Action<string, Tensor>? seen)
    {
        Tensor Apply(Module<Tensor, Tensor> layer, Tensor x) { var y = layer.forward(x); seen?.Invoke(layer.GetType().Name, y); return y; }
        Tensor Condition(Module<Tensor, Tensor, Tensor> layer, Tensor x, Tensor by) { var y = layer.forward(x, by); seen?.Invoke(layer.GetType().Name, y); return y; }
        var input = Apply(read, z.view(-1, LatentDim));
        int shearAt = Code.ContentInputs, styleAt = shearAt + Code.Shear;
        var style = Code.Style > 0 ? input[.., styleAt..] : null;
        // Layer by layer rather than layout.forward, so that Trace sees each one; the arithmetic is the same.
        var h = layout.children().Cast<Module<Tensor, Tensor>>().Aggregate(input[.., ..Code.ContentInputs], (x, layer) => Apply(layer, x));
        if (shear is not null) h = Condition(shear, h, input[.., shearAt..styleAt]);
        if (style is not null) h = Condition(strokeStyle!, h, style);
        h = Apply(output, Apply(strokes, h));
        if (style is not null) h = Condition(strokeWidth!, Condition(outputStyle!, h, style), style[.., ..1]);
        return Apply(squash, h);
    }
}
