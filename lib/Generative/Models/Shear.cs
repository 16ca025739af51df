using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Generative.Models;

/// <summary>Feature maps [N, C, H, W] sheared by a code s [N, 1]: each row moves sideways in proportion to its height above the
/// middle row, by a learnt gain k times s (k·s pixels per row; bilinear resampling, edges repeated), so that the whole digit tilts.</summary>
/// <remarks>A shear of the maps can tilt what they draw but cannot change which digit it is or how its strokes are drawn: a code
/// read only here can become slant and nothing else, as a style code read by <see cref="StyleModulation"/> can become only how
/// strokes are drawn. k starts at 0.3 rather than 0: a generator whose shear started at zero never used it (measured: k stayed
/// at −0.003 over four epochs), since a code that changes nothing gives InfoGAN's head Q nothing to read, and so no gradient
/// towards using it. Started at 0.3, k settled at 0.32–0.35 in every run measured.</remarks>
public sealed class Shear : Module<Tensor, Tensor, Tensor>
{
    /// <summary>Gain at construction, in pixels of sideways move per row of height for a code of 1.</summary>
    public const double InitialGain = 0.3;

    // No public property shows it: a module's public properties are settings in its checkpoint key, and the gain changes in training.
    readonly Parameter gain;

    /// <summary>Builds the shear with its gain at <see cref="InitialGain"/>.</summary>
    public Shear() : base(nameof(Shear))
    {
        gain = new Parameter(full(1, InitialGain));
        RegisterComponents();
    }

    /// <summary>The maps h [N, C, H, W] sheared by codes s [N, 1]: the output at column x of row y reads the input at
    /// x + k·s·(y − (H − 1)/2).</summary>
    /// <exception cref="ArgumentException">The maps are not [N, C, H, W], or there is not one code per map.</exception>
    public override Tensor forward(Tensor h, Tensor s)
    {
        if (h.dim() != 4 || s.numel() != h.shape[0])
            throw new ArgumentException($"shear maps [N, C, H, W] by one code each [N, 1]; got maps [{string.Join(", ", h.shape)}] and codes [{string.Join(", ", s.shape)}]");
        // affine_grid's coordinates run from −1 to 1 across each axis, so its x-per-y term moves a row by (W / H) pixels per row.
        var k = s.view(-1) * gain * (h.shape[2] / (double)h.shape[3]);
        var (one, zero) = (ones_like(k), zeros_like(k));
        var theta = stack([one, k, zero, zero, one, zero], 1).view(-1, 2, 3);
        var grid = functional.affine_grid(theta, h.shape, align_corners: false);
        return functional.grid_sample(h, grid, GridSampleMode.Bilinear, GridSamplePaddingMode.Border, align_corners: false);
    }
}
