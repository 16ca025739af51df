using Generative.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Tests.Metrics;

public class AmbiguityTests
{
    /// <summary>Returns the first ten pixels of each image's top row as its logits, so a test writes the classifier's answer into the image.</summary>
    sealed class LogitsInPixels() : nn.Module<Tensor, Tensor>("logits_in_pixels")
    {
        public override Tensor forward(Tensor x) => x[.., 0, 0, ..10].clone();
    }

    static Tensor Images(params float[][] logits)
    {
        var images = zeros(logits.Length, 1, 28, 28);
        for (int i = 0; i < logits.Length; i++) images[i, 0, 0, ..10] = tensor(logits[i]);
        return images;
    }

    static float[] Sure(int digit) { var l = new float[10]; l[digit] = 20; return l; }
    static float[] Between(int first, int second) { var l = new float[10]; l[first] = 20; l[second] = 20; return l; }

    [Fact]
    public void CountsUnsureImagesAndThoseBetweenTwoDigits()
    {
        using var classifier = new LogitsInPixels();
        using var images = Images(Sure(0), Sure(1), Sure(2), Sure(3), Sure(5), Sure(6), Between(9, 4), Between(4, 9), Between(3, 5), new float[10]);
        var ambiguity = Ambiguity.Of(classifier, images, show: 2);
        Assert.Equal(10, ambiguity.Images);
        Assert.Equal(0.4, ambiguity.UnsureShare, 9);
        Assert.Equal(0.75, ambiguity.BetweenTwoShare, 9);
        Assert.Equal([(4, 9, 2), (3, 5, 1)], ambiguity.Pairs);
        Assert.Equal(9, ambiguity.LeastConfident[0]); // the blank one: 10 % for every digit
        Assert.Equal(2, ambiguity.Captions.Count);
    }

    [Fact]
    public void NoUnsureImageLeavesTheBetweenShareUndefined()
    {
        using var classifier = new LogitsInPixels();
        using var images = Images(Sure(7), Sure(8));
        var ambiguity = Ambiguity.Of(classifier, images);
        Assert.Equal(0, ambiguity.UnsureShare);
        Assert.True(double.IsNaN(ambiguity.BetweenTwoShare));
        Assert.Empty(ambiguity.Pairs);
    }

    [Fact]
    public void APairThresholdBelowTheUnsureThresholdIsRefused()
    {
        using var classifier = new LogitsInPixels();
        using var images = Images(Sure(7));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Ambiguity.Of(classifier, images, unsureBelow: 0.9, pairAbove: 0.8));
        Assert.Contains("0.95", error.Message);
    }

    [Fact]
    public void UnsureSharesFollowTheKeyFromLowestToHighest()
    {
        using var classifier = new LogitsInPixels();
        using var images = Images(Between(4, 9), Sure(1), Sure(2), Between(3, 5), Between(0, 6), Sure(7), new float[10]);
        using var key = tensor(new float[] { 0, 1, 2, 5, 6, 3, 4 });
        // groups by key: {0, 1} = images 0, 1; {2, 3} = images 2, 5; the rest {4, 5, 6} = images 6, 3, 4, all unsure
        Assert.Equal([0.5, 0.0, 1.0], Ambiguity.UnsureShareByQuantile(classifier, images, key, groups: 3));
    }

    [Fact]
    public void AKeyOfTheWrongLengthIsRefused()
    {
        using var classifier = new LogitsInPixels();
        using var images = Images(Sure(7), Sure(8));
        using var key = zeros(3);
        Assert.Contains("one value per image (2)", Assert.Throws<ArgumentException>(() => Ambiguity.UnsureShareByQuantile(classifier, images, key)).Message);
    }
}
