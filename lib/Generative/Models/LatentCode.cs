using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Models;

/// <summary>How a generator reads its noise z ~ N(0, I) of <paramref name="Dim"/> coordinates: the first ones as plain noise, the next
/// <paramref name="Categories"/> as one choice among that many (the largest of them wins), the last <paramref name="Continuous"/> as
/// continuous codes in (-1, 1). With no categories and no continuous codes, z is plain noise, as in Goodfellow et al. and Radford et al.</summary>
/// <remarks>InfoGAN's codes (Chen et al., 2016), read from z itself: the largest of n independent Gaussians is each one with
/// probability 1/n, so the category is uniform as in InfoGAN, and 2Φ(z) − 1 (Φ the standard normal's distribution function) is
/// uniform on (-1, 1) as InfoGAN's continuous codes, while z stays the N(0, I) that interpolation and vector arithmetic work on.
/// A category is a discrete choice, so the generator can jump from one digit to another where a continuous map of one Gaussian
/// has to pass through in-between images.</remarks>
/// <param name="Dim">Length of z.</param>
/// <param name="Categories">Coordinates read as one categorical choice (0: none).</param>
/// <param name="Continuous">Coordinates read as continuous codes (0: none).</param>
/// <param name="Style">How many of the continuous codes, the last ones, are style codes: the generator reads them only where it draws
/// the strokes (<see cref="StyleModulation"/>, <see cref="StrokeWidth"/>), not where it lays out the digit (0: none).</param>
/// <param name="Shear">How many of the continuous codes, just before the style codes, are shear codes (0 or 1): the generator reads it
/// only to shear its last hidden maps (<see cref="Models.Shear"/>), not where it lays out the digit.</param>
public sealed record LatentCode(int Dim, int Categories = 0, int Continuous = 0, int Style = 0, int Shear = 0)
{
    /// <summary>Coordinates of plain noise, before the categorical ones.</summary>
    public int Noise => Dim - Categories - Continuous;

    /// <summary>Outputs a discriminator needs to recover the codes of a fake: one logit per category and one estimate per continuous code.</summary>
    public int Outputs => Categories + Continuous;

    /// <summary>Whether any coordinate is a code rather than noise.</summary>
    public bool HasCodes => Outputs > 0;

    /// <summary>The category chosen by each code z [N, Dim]: the index of its largest categorical coordinate, [N].</summary>
    public Tensor Category(Tensor z) => z[.., Noise..(Noise + Categories)].argmax(1);

    /// <summary>The continuous codes of each z [N, Dim], 2Φ(z) − 1 of its last coordinates: [N, Continuous], uniform on (-1, 1).</summary>
    public Tensor ContinuousCodes(Tensor z)
    {
        using var scope = NewDisposeScope();
        return special.erf(z[.., (Noise + Categories)..] / Math.Sqrt(2)).MoveToOuterDisposeScope();
    }

    /// <summary>What continuous code number <paramref name="index"/> does: the layout codes come first, then the shear code, then the style codes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such continuous code.</exception>
    public ContinuousRole RoleOf(int index)
    {
        if (index < 0 || index >= Continuous) throw new ArgumentOutOfRangeException(nameof(index), index, $"a continuous code from 0 to {Continuous - 1}");
        return index >= Continuous - Style ? ContinuousRole.Style : index >= Continuous - Style - Shear ? ContinuousRole.Shear : ContinuousRole.Layout;
    }

    /// <summary>Columns of <see cref="Input"/> that lay out the digit: all but the shear and style codes at its end.</summary>
    public int ContentInputs => Noise + Categories + Continuous - Style - Shear;

    /// <summary>What the generator's first layer reads from z [N, Dim]: the noise, the one-hot of the category, the continuous codes (the shear and style codes last).</summary>
    public Tensor Input(Tensor z)
    {
        if (!HasCodes) return z;
        using var scope = NewDisposeScope();
        var oneHot = nn.functional.one_hot(Category(z), Categories).to_type(z.dtype);
        return cat([z[.., ..Noise], oneHot, ContinuousCodes(z)], 1).MoveToOuterDisposeScope();
    }

    /// <summary>Copies of codes z [N, Dim] whose category is <paramref name="category"/>: its coordinate raised just above the largest
    /// categorical one. The generator reads only which coordinate is largest, so the image keeps everything else z says.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="category"/> is not one of the categories.</exception>
    public Tensor WithCategory(Tensor z, int category)
    {
        if (category < 0 || category >= Categories) throw new ArgumentOutOfRangeException(nameof(category), category, $"a category from 0 to {Categories - 1}");
        using var scope = NewDisposeScope();
        var copy = z.clone();
        copy[.., Noise + category] = z[.., Noise..(Noise + Categories)].max(1).values + 1;
        return copy.MoveToOuterDisposeScope();
    }

    /// <summary>Copies of codes z [N, Dim] whose continuous code number <paramref name="index"/> reads <paramref name="value"/>: its
    /// coordinate set to √2·erf⁻¹(value), the z that 2Φ(z) − 1 maps to the value. Everything else z says is kept.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such continuous code, or a value outside (-1, 1).</exception>
    public Tensor WithContinuous(Tensor z, int index, double value)
    {
        if (index < 0 || index >= Continuous) throw new ArgumentOutOfRangeException(nameof(index), index, $"a continuous code from 0 to {Continuous - 1}");
        if (!(Math.Abs(value) < 1)) throw new ArgumentOutOfRangeException(nameof(value), value, "continuous codes lie strictly between -1 and 1");
        using var scope = NewDisposeScope();
        var copy = z.clone();
        copy[.., Noise + Categories + index] = special.erfinv(tensor(value, dtype: z.dtype)) * Math.Sqrt(2);
        return copy.MoveToOuterDisposeScope();
    }

    /// <summary>The layout in words, e.g. "100 coordinates: 87 of noise, 10 categorical, 3 continuous (1 layout, 1 shear, 1 style code)".</summary>
    public override string ToString()
    {
        if (!HasCodes) return $"{Dim} coordinates of noise";
        var layout = $"{Dim} coordinates: {Noise} of noise, {Categories} categorical, {Continuous} continuous";
        return Style + Shear == 0 ? layout : $"{layout} ({Continuous - Style - Shear} layout, {Shear} shear, {Style} style code{(Style == 1 ? "" : "s")})";
    }

    /// <summary>Plain noise of <paramref name="dim"/> coordinates, so that a z length alone says "no codes".</summary>
    public static implicit operator LatentCode(int dim) => new(dim);

    /// <summary>Checks the layout fits in z.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or the codes take more than z's length.</exception>
    public LatentCode Validated()
    {
        if (Categories < 0 || Continuous < 0 || Categories == 1 || Noise < 0)
            throw new ArgumentOutOfRangeException(nameof(Categories), $"{Categories} categories and {Continuous} continuous codes in a z of {Dim}: " +
                "use 0 or at least 2 categories, no negative count, and leave room in z (the course uses 10 and 3 in 100)");
        if (Style < 0 || Style > Continuous)
            throw new ArgumentOutOfRangeException(nameof(Style), Style, $"style codes are some of the {Continuous} continuous codes: use 0 to {Continuous} (the course uses 1 of 3)");
        if (Shear is < 0 or > 1 || Shear + Style > Continuous)
            throw new ArgumentOutOfRangeException(nameof(Shear), Shear, $"a shear code is one of the {Continuous} continuous codes besides the {Style} style codes, and a map has one shear: use 0 or 1 (the course uses 1)");
        return this;
    }
}

/// <summary>What a continuous code is wired to in the generator.</summary>
public enum ContinuousRole
{
    /// <summary>Read with the noise where the digit is laid out: free to become anything.</summary>
    Layout,
    /// <summary>Read only to shear the last hidden maps (<see cref="Models.Shear"/>): it can tilt the digit, nothing else.</summary>
    Shear,
    /// <summary>Read only to scale and shift the last maps and the output (<see cref="StyleModulation"/>) and to thicken or thin the output's
    /// strokes (<see cref="StrokeWidth"/>): it can change how strokes are drawn, not where.</summary>
    Style,
}

/// <summary>The generator's first layer: reads z as its <see cref="LatentCode"/> says (noise, one-hot category, continuous codes).</summary>
public sealed class CategoricalCode(LatentCode code) : nn.Module<Tensor, Tensor>(nameof(CategoricalCode))
{
    /// <summary>The layout this layer reads.</summary>
    public LatentCode Code { get; } = code.Validated();

    /// <inheritdoc/>
    public override Tensor forward(Tensor z) => Code.Input(z);
}
