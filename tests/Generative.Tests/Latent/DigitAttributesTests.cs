using Generative.Latent;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Tests.Latent;

public class DigitAttributesTests
{
    /// <summary>A 28x28 bar over rows 4..23 whose centre moves <paramref name="shear"/> pixels right per pixel up, <paramref name="width"/> pixels wide.</summary>
    internal static Tensor Bar(double shear, double width)
    {
        var pixels = new float[28 * 28];
        for (int row = 4; row <= 23; row++)
        {
            double centre = 13.5 + shear * (13.5 - row);
            for (int col = 0; col < 28; col++)
                pixels[row * 28 + col] = (float)Math.Clamp(width / 2 + 0.5 - Math.Abs(col - centre), 0, 1);
        }
        return tensor(pixels, [1, 1, 28, 28]);
    }

    [Fact]
    public void AnUprightBarHasNoSlant()
    {
        using var bar = Bar(0, 3);
        Assert.Equal(0, DigitAttributes.Slant(bar).item<float>(), 4);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(-0.4)]
    public void AShearedBarMeasuresItsShear(double shear)
    {
        using var bar = Bar(shear, 3);
        Assert.Equal(shear, DigitAttributes.Slant(bar).item<float>(), 2);
    }

    [Fact]
    public void AThickerBarHasMoreInk()
    {
        using var thin = Bar(0, 2);
        using var thick = Bar(0, 4);
        using var both = cat([thin, thick], 0);
        var ink = DigitAttributes.InkMass(both).data<float>().ToArray();
        Assert.Equal(2, ink.Length);
        Assert.Equal(2 * 20 / 784.0, ink[0], 5);
        Assert.Equal(2 * ink[0], ink[1], 5);
    }

    [Fact]
    public void ABlankImageHasZeroSlant()
    {
        using var blank = zeros(2, 1, 28, 28);
        Assert.True(DigitAttributes.Slant(blank).eq(0).all().item<bool>());
    }

    [Fact]
    public void FlatVectorsAreRejectedWithAHint()
    {
        using var flat = zeros(2, 784);
        var error = Assert.Throws<ArgumentException>(() => DigitAttributes.InkMass(flat));
        Assert.Contains("[N,1,H,W]", error.Message);
    }
}
