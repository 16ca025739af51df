using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Generative.Models;

/// <summary>Feature maps [N, C, H, W] scaled and shifted per channel by a linear function of style codes [N, S]:
/// h · (1 + γ(s)) + β(s) (FiLM, Perez et al., 2018; the per-layer styles of StyleGAN, Karras et al., 2019).</summary>
/// <remarks>A per-channel scale and shift changes how much of each feature every position gets, not where the features are: placed
/// after the generator's last hidden layer it can make every stroke bolder or finer, but cannot move one. γ starts at zero, and so
/// does β unless told otherwise: the layer then starts as the identity.</remarks>
public sealed class StyleModulation : Module<Tensor, Tensor, Tensor>
{
    readonly Module<Tensor, Tensor> affine;
    readonly int channels;
    readonly bool scale;

    /// <summary>Builds the modulation of <paramref name="channels"/> maps by <paramref name="styles"/> codes.</summary>
    /// <param name="styles">Style codes read.</param>
    /// <param name="channels">Channels modulated.</param>
    /// <param name="scale">False shifts only (β, no γ).</param>
    /// <param name="initialShift">β's starting slope: every channel shifted by this much per unit of each style code.</param>
    public StyleModulation(int styles, int channels, bool scale = true, double initialShift = 0) : base(nameof(StyleModulation))
    {
        if (styles < 1 || channels < 1) throw new ArgumentOutOfRangeException(nameof(styles), $"{styles} style codes for {channels} channels: both must be positive");
        (this.channels, this.scale) = (channels, scale);
        var linear = Linear(styles, scale ? 2 * channels : channels);
        using (no_grad())
        {
            init.zeros_(linear.weight);
            init.zeros_(linear.bias!);
            linear.weight[(scale ? channels : 0)..].fill_(initialShift);
        }
        affine = linear;
        RegisterComponents();
    }

    /// <summary>The maps h [N, C, H, W] modulated by the style codes s [N, S].</summary>
    public override Tensor forward(Tensor h, Tensor s)
    {
        var p = affine.forward(s).view(-1, scale ? 2 * channels : channels, 1, 1);
        // h + h·γ rather than h·(1 + γ): the same value, without a scalar operand.
        return scale ? h + h * p[.., ..channels] + p[.., channels..] : h + p;
    }
}
