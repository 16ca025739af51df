using Generative.Latent;
using Generative.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Tests.Latent;

public class CodeAttributesTests
{
    static readonly LatentCode Code = new(4, Continuous: 2, Style: 1);

    /// <summary>A decoder whose first continuous code shears a bar and whose second thickens it; the noise does nothing.</summary>
    static Tensor Decode(Tensor z)
    {
        using var codes = Code.ContinuousCodes(z);
        var c = codes.data<float>().ToArray();
        return cat(Enumerable.Range(0, (int)z.shape[0]).Select(i => DigitAttributesTests.Bar(shear: 0.3 * c[2 * i], width: 2.5 + 1.5 * c[2 * i + 1])).ToArray());
    }

    [Fact]
    public void EachCodeGoesWithTheAttributeItDrawsAndNotWithTheOther()
    {
        var found = CodeAttributes.Of(Decode, Code, samples: 300, seed: 1);
        Assert.Equal(2, found.Count);
        Assert.Equal(ContinuousRole.Layout, found[0].Role);
        Assert.Equal(ContinuousRole.Style, found[1].Role);
        Assert.True(found[0].Slant > 0.9, $"the shear code's correlation with slant is {found[0].Slant:F2}");
        Assert.InRange(found[0].Thickness, -0.2, 0.2);
        Assert.True(found[1].Thickness > 0.9, $"the width code's correlation with stroke width is {found[1].Thickness:F2}");
        Assert.InRange(found[1].Slant, -0.2, 0.2);
    }

    [Fact]
    public void ACodeWithoutContinuousCodesOrTooFewSamplesIsRefused()
    {
        Assert.Contains("no continuous codes", Assert.Throws<ArgumentException>(() => CodeAttributes.Of(Decode, new LatentCode(4, Categories: 2), 100, 0)).Message);
        Assert.Contains("at least 3 samples", Assert.Throws<ArgumentOutOfRangeException>(() => CodeAttributes.Of(Decode, Code, 2, 0)).Message);
    }
}
