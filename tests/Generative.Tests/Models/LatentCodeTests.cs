using Generative.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Tests.Models;

public class LatentCodeTests
{
    static readonly LatentCode Code = new(8, Categories: 3, Continuous: 2);

    [Fact]
    public void TheFirstLayerPassesNoiseAndContinuousCodesAndReplacesTheCategoricalOnesByTheOneHotOfTheLargest()
    {
        using var z = tensor(new float[,] { { 1, 2, 3, -1, 0.5f, 0.2f, 7, -7 }, { 0, 0, 0, 0.1f, -2, 3, 1, 2 } });
        using var input = Code.Input(z);
        Assert.Equal(3, Code.Noise);
        Assert.Equal([1L, 2L], Code.Category(z).data<long>().ToArray());
        // The continuous codes are 2Φ(z) − 1: erf(z / √2).
        Assert.True(input.allclose(tensor(new float[,] { { 1, 2, 3, 0, 1, 0, 1, -1 }, { 0, 0, 0, 0, 0, 1, 0.6827f, 0.9545f } }), atol: 1e-4));
        LatentCode plain = 8;
        Assert.False(plain.HasCodes);
        Assert.True(plain.Input(z).allclose(z));
    }

    [Fact]
    public void StyleCodesAreTheLastContinuousCodesAndTheLayoutReadsEverythingBeforeThem()
    {
        var code = new LatentCode(8, Categories: 3, Continuous: 2, Style: 1);
        Assert.Equal(7, code.ContentInputs);
        Assert.Equal([ContinuousRole.Layout, ContinuousRole.Style], new[] { code.RoleOf(0), code.RoleOf(1) });
        Assert.Equal(5, code.Outputs);
        Assert.Equal("8 coordinates: 3 of noise, 3 categorical, 2 continuous (1 layout, 0 shear, 1 style code)", code.ToString());
        Assert.Equal(8, Code.ContentInputs);
        Assert.Contains("use 0 to 2", Assert.Throws<ArgumentOutOfRangeException>(() => (Code with { Style = 3 }).Validated()).Message);
        Assert.Contains("use 0 to 2", Assert.Throws<ArgumentOutOfRangeException>(() => (Code with { Style = -1 }).Validated()).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => code.RoleOf(2));
    }

    [Fact]
    public void TheShearCodeSitsBetweenTheLayoutAndTheStyleCodesAndIsNotLaidOut()
    {
        var code = new LatentCode(10, Categories: 3, Continuous: 3, Style: 1, Shear: 1);
        Assert.Equal(8, code.ContentInputs);
        Assert.Equal([ContinuousRole.Layout, ContinuousRole.Shear, ContinuousRole.Style], Enumerable.Range(0, 3).Select(code.RoleOf));
        Assert.Equal("10 coordinates: 4 of noise, 3 categorical, 3 continuous (1 layout, 1 shear, 1 style code)", code.ToString());
        Assert.Contains("use 0 or 1", Assert.Throws<ArgumentOutOfRangeException>(() => (code with { Shear = 2 }).Validated()).Message);
        Assert.Contains("use 0 or 1", Assert.Throws<ArgumentOutOfRangeException>(() => (code with { Style = 3 }).Validated()).Message);
    }

    [Fact]
    public void SettingAContinuousCodeChangesOnlyItsCoordinateSoThatTheGeneratorReadsTheValue()
    {
        using var z = randn(5, 8, generator: new Generator(7));
        using var set = Code.WithContinuous(z, 1, -0.6);
        Assert.True(Code.ContinuousCodes(set)[.., 1].allclose(full(5, -0.6f), atol: 1e-5));
        Assert.True(set[.., ..7].eq(z[.., ..7]).all().item<bool>());
        Assert.Contains("from 0 to 1", Assert.Throws<ArgumentOutOfRangeException>(() => Code.WithContinuous(z, 2, 0)).Message);
        Assert.Contains("strictly between -1 and 1", Assert.Throws<ArgumentOutOfRangeException>(() => Code.WithContinuous(z, 0, 1)).Message);
    }

    [Fact]
    public void CategoriesReadFromGaussianNoiseAreEquallyLikelyAndContinuousCodesSpreadEvenly()
    {
        var code = new LatentCode(100, Categories: 10, Continuous: 2);
        using var z = randn(100_000, 100, generator: new Generator(4));
        var counts = code.Category(z).bincount(null, 10).data<long>().ToArray();
        // 10,000 expected per category; the binomial standard deviation is 95, so 400 is over four of them.
        Assert.All(counts, c => Assert.InRange(c, 9_600, 10_400));
        // Uniform continuous codes: a quarter in each quarter of (-1, 1), 50,000 expected per quarter (standard deviation 194).
        var quarters = ((code.ContinuousCodes(z) + 1) * 2).floor().to_type(ScalarType.Int64).flatten().bincount(null, 4).data<long>().ToArray();
        Assert.All(quarters, c => Assert.InRange(c, 49_000, 51_000));
    }

    [Fact]
    public void SettingACategoryChangesOnlyWhichCategoricalCoordinateIsLargest()
    {
        using var z = randn(64, 8, generator: new Generator(2));
        using var moved = Code.WithCategory(z, 2);
        Assert.All(Code.Category(moved).data<long>().ToArray(), c => Assert.Equal(2, c));
        Assert.True(Code.Input(moved)[.., ..3].allclose(Code.Input(z)[.., ..3]) && Code.Input(moved)[.., 6..].allclose(Code.Input(z)[.., 6..]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Code.WithCategory(z, 3));
    }
}
