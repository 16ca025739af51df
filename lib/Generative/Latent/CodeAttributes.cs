using Generative.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Latent;

/// <summary>How one continuous code of z goes with the measured attributes of the images it draws.</summary>
/// <param name="Code">Index among the continuous codes.</param>
/// <param name="Role">What the code is wired to in the generator (<see cref="LatentCode.RoleOf"/>).</param>
/// <param name="Thickness">Correlation of the code with stroke width.</param>
/// <param name="Slant">Correlation of the code with slant.</param>
public sealed record CodeAttribute(int Code, ContinuousRole Role, double Thickness, double Slant);

/// <summary>What each continuous code of a generator draws, measured without labels: InfoGAN's figures vary one code by eye;
/// here its correlation with each attribute over many samples says it in numbers.</summary>
public static class CodeAttributes
{
    /// <summary>Decodes <paramref name="samples"/> codes z ~ N(0, I) and correlates each continuous code, as the generator reads it
    /// (<see cref="LatentCode.ContinuousCodes"/>), with the stroke width and the slant of the images.</summary>
    /// <param name="decode">Codes [N, Dim] to images [N,1,28,28] in [0,1].</param>
    /// <param name="code">How the generator reads z.</param>
    /// <param name="samples">Codes to decode and measure.</param>
    /// <param name="seed">Seeds the codes.</param>
    /// <exception cref="ArgumentException">The code has no continuous codes, or too few samples are asked for.</exception>
    public static IReadOnlyList<CodeAttribute> Of(Func<Tensor, Tensor> decode, LatentCode code, int samples, int seed)
    {
        if (code.Continuous == 0) throw new ArgumentException($"{code} has no continuous codes to measure", nameof(code));
        if (samples < 3) throw new ArgumentOutOfRangeException(nameof(samples), samples, "a correlation needs at least 3 samples (the course uses thousands)");
        using var scope = NewDisposeScope();
        var z = randn(samples, code.Dim, generator: new Generator((ulong)seed));
        Tensor images;
        using (no_grad()) images = Inference.MapBatched(z, 500, decode);
        var rows = cat([code.ContinuousCodes(z).T, DigitAttributes.StrokeWidth(images).unsqueeze(0), DigitAttributes.Slant(images).unsqueeze(0)])
            .to_type(ScalarType.Float64);
        var r = corrcoef(rows);
        int width = code.Continuous, slant = code.Continuous + 1;
        return Enumerable.Range(0, code.Continuous)
            .Select(k => new CodeAttribute(k, code.RoleOf(k), r[k, width].item<double>(), r[k, slant].item<double>()))
            .ToList();
    }
}
