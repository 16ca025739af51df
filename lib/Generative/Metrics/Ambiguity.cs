using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Metrics;

/// <summary>Where a classifier score loses: the images the evaluation network is unsure of, and how many of those it reads as
/// two digits at once.</summary>
/// <param name="Images">Number of images judged.</param>
/// <param name="UnsureShare">Fraction of images whose most probable class has less than the threshold's probability.</param>
/// <param name="BetweenTwoShare">Fraction of the unsure images whose two most probable classes hold more than the pair threshold
/// together: images between two digits rather than unlike any digit. NaN when no image is unsure.</param>
/// <param name="Pairs">The digit pairs the in-between images fall between, most frequent first.</param>
/// <param name="LeastConfident">Indices of the images the network is least sure of, least sure first.</param>
/// <param name="Captions">For each of <paramref name="LeastConfident"/>: its two most probable classes with their probabilities.</param>
public sealed record Ambiguity(int Images, double UnsureShare, double BetweenTwoShare, IReadOnlyList<(int First, int Second, int Count)> Pairs,
    long[] LeastConfident, IReadOnlyList<string> Captions)
{
    /// <summary>Judges <paramref name="images"/> with <paramref name="classifier"/>.</summary>
    /// <param name="classifier">The evaluation network (logits over the digits).</param>
    /// <param name="images">Images [N,1,28,28] in [0,1].</param>
    /// <param name="unsureBelow">An image is unsure when its top class has less probability than this.</param>
    /// <param name="pairAbove">An unsure image is between two digits when its top two classes hold more than this together.</param>
    /// <param name="show">How many of the least confident images to keep for display.</param>
    public static Ambiguity Of(nn.Module<Tensor, Tensor> classifier, Tensor images, double unsureBelow = 0.9, double pairAbove = 0.95, int show = 16)
    {
        if (images.shape[0] == 0) throw new ArgumentException("no images to judge: pass at least one", nameof(images));
        if (!(unsureBelow > 0 && unsureBelow <= 1)) throw new ArgumentOutOfRangeException(nameof(unsureBelow), unsureBelow, "a probability in (0, 1], e.g. 0.9");
        if (!(pairAbove > unsureBelow && pairAbove <= 1))
            throw new ArgumentOutOfRangeException(nameof(pairAbove), pairAbove, $"the pair's probability must exceed what the top class alone falls short of ({unsureBelow}), e.g. 0.95");
        using var scope = NewDisposeScope();
        var probabilities = Inference.Probabilities(classifier, images);
        var (top, classes) = probabilities.topk(2, dim: 1);
        var first = top[.., 0].data<float>().ToArray();
        var second = top[.., 1].data<float>().ToArray();
        var (a, b) = (classes[.., 0].data<long>().ToArray(), classes[.., 1].data<long>().ToArray());
        var unsure = Enumerable.Range(0, first.Length).Where(i => first[i] < unsureBelow).ToArray();
        var between = unsure.Where(i => first[i] + second[i] > pairAbove).ToArray();
        var pairs = between.GroupBy(i => (First: (int)Math.Min(a[i], b[i]), Second: (int)Math.Max(a[i], b[i])))
            .Select(g => (g.Key.First, g.Key.Second, Count: g.Count())).OrderByDescending(p => p.Count).ToList();
        var least = Enumerable.Range(0, first.Length).OrderBy(i => first[i]).Take(show).ToArray();
        return new Ambiguity(first.Length, unsure.Length / (double)first.Length, unsure.Length == 0 ? double.NaN : between.Length / (double)unsure.Length,
            pairs, least.Select(i => (long)i).ToArray(), least.Select(i => $"{a[i]} {first[i]:P0} / {b[i]} {second[i]:P0}").ToList());
    }

    /// <summary>The unsure share within each of <paramref name="groups"/> equal groups of <paramref name="images"/> ranked by
    /// <paramref name="key"/>, lowest key first; with more images than a multiple of the groups, the last group takes the rest.</summary>
    /// <param name="classifier">The evaluation network (logits over the digits).</param>
    /// <param name="images">Images [N,1,28,28] in [0,1].</param>
    /// <param name="key">[N] one value per image, e.g. the generator's steepness at its code.</param>
    /// <param name="groups">How many groups, e.g. 5 for fifths.</param>
    /// <param name="unsureBelow">An image is unsure when its top class has less probability than this.</param>
    public static double[] UnsureShareByQuantile(nn.Module<Tensor, Tensor> classifier, Tensor images, Tensor key, int groups = 5, double unsureBelow = 0.9)
    {
        long n = images.shape[0];
        if (key.dim() != 1 || key.shape[0] != n) throw new ArgumentException($"key needs one value per image ({n}), got shape [{string.Join(", ", key.shape)}]", nameof(key));
        if (groups < 1 || groups > n) throw new ArgumentOutOfRangeException(nameof(groups), groups, $"between 1 and the number of images ({n})");
        using var scope = NewDisposeScope();
        var top = Inference.Probabilities(classifier, images).max(1).values;
        var unsure = (top < unsureBelow).to_type(ScalarType.Float64)[key.argsort()].data<double>().ToArray();
        long size = n / groups;
        return Enumerable.Range(0, groups).Select(g => unsure[(int)(g * size)..(int)(g == groups - 1 ? n : (g + 1) * size)].Average()).ToArray();
    }
}
