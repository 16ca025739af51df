using Generative.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Tests.Models;

public class ShearTests
{
    [Fact]
    public void ACodeOfZeroLeavesTheMapsAsTheyAre()
    {
        using var scope = NewDisposeScope();
        using var shear = new Shear();
        var h = randn(2, 3, 6, 6, generator: new Generator(1));
        Assert.True(shear.forward(h, zeros(2, 1)).allclose(h, atol: 1e-5));
        Assert.Equal(Shear.InitialGain, shear.parameters().Single().item<float>(), 1e-6);
    }

    [Fact]
    public void EachRowMovesSidewaysByTheGainTimesTheCodeTimesItsHeightAboveTheMiddle()
    {
        using var scope = NewDisposeScope();
        using var shear = new Shear();
        // Two rows, 0.5 above and 0.5 below the middle: a gain times code of 2 moves them by one column each, in opposite directions.
        var h = arange(2 * 6, dtype: ScalarType.Float32).view(1, 1, 2, 6);
        var y = shear.forward(h, tensor(new[] { 2 / (float)Shear.InitialGain }).view(1, 1));
        // Row 0 reads the column to its left (its first column repeats the edge); row 1 reads the column to its right.
        AssertRow([0, 0, 1, 2, 3, 4], y[0, 0, 0]);
        AssertRow([7, 8, 9, 10, 11, 11], y[0, 0, 1]);
    }

    [Fact]
    public void AHalfColumnMoveInterpolatesBetweenNeighboursAndTheGainLearns()
    {
        using var scope = NewDisposeScope();
        using var shear = new Shear();
        var h = arange(2 * 4, dtype: ScalarType.Float32).view(1, 1, 2, 4);
        var y = shear.forward(h, tensor(new[] { 1 / (float)Shear.InitialGain }).view(1, 1));
        AssertRow([4.5f, 5.5f, 6.5f, 7], y[0, 0, 1]);
        y.sum().backward();
        Assert.NotNull(shear.parameters().Single().grad);
    }

    static void AssertRow(float[] expected, Tensor row)
    {
        var got = row.data<float>().ToArray();
        Assert.True(expected.Zip(got).All(p => Math.Abs(p.First - p.Second) < 1e-4), $"expected [{string.Join(", ", expected)}], got [{string.Join(", ", got)}]");
    }

    [Fact]
    public void MapsWithoutFourAxesOrCodesThatDoNotMatchAreRefused()
    {
        using var shear = new Shear();
        Assert.Contains("shear maps [N, C, H, W]", Assert.Throws<ArgumentException>(() => shear.forward(zeros(2, 4, 6), zeros(2, 1))).Message);
        Assert.Contains("one code each", Assert.Throws<ArgumentException>(() => shear.forward(zeros(2, 1, 4, 4), zeros(3, 1))).Message);
    }
}
