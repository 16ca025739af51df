using Generative.Latent;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Tests.Latent;

public class ArithmeticTrialsTests
{
    const int LatentDim = 8;

    /// <summary>
    /// A generator whose latent space is known: z[0] sets the pen width, z[1] the slant, the sign of z[2] the digit (1 or 7), written as
    /// a marker pixel in the top row that <see cref="MarkerClassifier"/> reads. The other coordinates change nothing.
    /// </summary>
    static Tensor Decode(Tensor z)
    {
        using var scope = NewDisposeScope();
        var n = z.shape[0];
        var width = (2.5 + 1.2 * z[.., 0].tanh()).view(n, 1, 1);
        var shear = (0.4 * z[.., 1].tanh()).view(n, 1, 1);
        var rows = arange(28, dtype: ScalarType.Float32).view(1, -1, 1);
        var cols = arange(28, dtype: ScalarType.Float32).view(1, 1, -1);
        var centre = 13.5 + shear * (13.5 - rows);
        var bar = (width / 2 + 0.5 - (cols - centre).abs()).clamp(0, 1) * ((rows >= 4) & (rows <= 23));
        var marker = where(z[.., 2] > 0, 1L, 7L);
        var image = bar.unsqueeze(1).clone();
        image[.., 0, 0, ..] = nn.functional.one_hot(marker, 28).to_type(ScalarType.Float32);
        return image.MoveToOuterDisposeScope();
    }

    /// <summary><see cref="Decode"/>, except that the 7s take their pen width from z[3] instead of z[0]: width has no shared direction.</summary>
    static Tensor DecodeWidthPerDigit(Tensor z)
    {
        using var scope = NewDisposeScope();
        var swapped = z.clone();
        swapped[.., 0] = where(z[.., 2] > 0, z[.., 0], z[.., 3]);
        return Decode(swapped).MoveToOuterDisposeScope();
    }

    sealed class MarkerClassifier() : nn.Module<Tensor, Tensor>(nameof(MarkerClassifier))
    {
        public override Tensor forward(Tensor x) => x[.., 0, 0, ..10] * 20;
    }

    [Fact]
    public void TheArithmeticCarriesTheAttributeWhereTheBaselinesDoNot()
    {
        using var trials = new ArithmeticTrials(Decode, new MarkerClassifier(), LatentDim, pool: 1500, seed: 0);
        Assert.Equal([1, 7], trials.UsableClasses(10));
        var curve = trials.ExemplarCurve([1, 3, 10], trials: 40, seed: 1);
        Assert.Equal([1, 3, 10], curve.Select(r => r.Exemplars));
        var ten = curve[^1];
        // With ten exemplars the offset is the attribute's own axis: the result lands; z̄(C) starts on the wrong side and stays there.
        Assert.True(ten.SuccessRate >= 0.9, $"arithmetic landed in {ten.SuccessRate:P0} of trials");
        Assert.True(ten.TargetMeanBaselineRate <= 0.1, $"z̄(C) alone landed in {ten.TargetMeanBaselineRate:P0} of trials");
        Assert.True(ten.RandomBaselineRate < ten.SuccessRate - 0.3, $"a random direction landed in {ten.RandomBaselineRate:P0}, the arithmetic in {ten.SuccessRate:P0}");
        // Every count scores the same analogies, so the points differ only in the exemplars averaged.
        Assert.Equal(curve[0].All.Select(t => t.Analogy), ten.All.Select(t => t.Analogy));
    }

    [Fact]
    public void OffsetAgreementTellsASharedAttributeDirectionFromOneEachDigitHasOfItsOwn()
    {
        using var shared = new ArithmeticTrials(Decode, new MarkerClassifier(), LatentDim, pool: 1500, seed: 0);
        using var perDigit = new ArithmeticTrials(DecodeWidthPerDigit, new MarkerClassifier(), LatentDim, pool: 1500, seed: 0);
        Assert.InRange(shared.OffsetAgreement(DigitAttribute.Thickness), 0.8, 1.0);
        Assert.InRange(perDigit.OffsetAgreement(DigitAttribute.Thickness), -0.3, 0.3);
        Assert.InRange(perDigit.OffsetAgreement(DigitAttribute.Slant), 0.8, 1.0);
        // Where the direction is not shared, the arithmetic no longer carries the width from one digit to the other.
        var widthTrials = perDigit.RunMany(40, seed: 1, exemplars: 10).All.Where(t => t.Analogy.Attribute == DigitAttribute.Thickness).ToList();
        var sharedTrials = shared.RunMany(40, seed: 1, exemplars: 10).All.Where(t => t.Analogy.Attribute == DigitAttribute.Thickness).ToList();
        Assert.True(widthTrials.Average(t => t.Arithmetic.Landed ? 1.0 : 0) < sharedTrials.Average(t => t.Arithmetic.Landed ? 1.0 : 0) - 0.3);
    }

    [Fact]
    public void ARunRedrawsTheTrialItsScoreCameFrom()
    {
        using var trials = new ArithmeticTrials(Decode, new MarkerClassifier(), LatentDim, pool: 600, seed: 0);
        var score = trials.RunMany(5, seed: 2).All[3];
        var trial = trials.Run(score.Analogy, score.TrialSeed, score.Exemplars);
        Assert.Equal(score, trial.Score);
        Assert.Equal([9L, 1, 28, 28], trial.Results.shape);
    }

    [Fact]
    public void AnEmptyOrNonPositiveExemplarListIsRefused()
    {
        using var trials = new ArithmeticTrials(Decode, new MarkerClassifier(), LatentDim, pool: 200, seed: 0);
        Assert.Throws<ArgumentException>(() => trials.ExemplarCurve([], 5, 0));
        var error = Assert.Throws<ArgumentException>(() => trials.ExemplarCurve([3, 0], 5, 0));
        Assert.Contains("at least 1", error.Message);
    }
}
