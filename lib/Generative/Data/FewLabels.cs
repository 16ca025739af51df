using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Data;

/// <summary>A small labelled subset with the same number of examples of every class, for few-label experiments.</summary>
public static class FewLabels
{
    /// <summary>The first <paramref name="perClass"/> examples of each class in a seeded random order; images and labels.</summary>
    public static (Tensor X, Tensor Y) Take(Tensor images, Tensor labels, int perClass, int seed)
    {
        using var scope = NewDisposeScope();
        var order = randperm(labels.shape[0], generator: new Generator((ulong)seed));
        var shuffled = labels.index_select(0, order).data<long>().ToArray();
        var picked = new List<long>();
        var counts = new Dictionary<long, int>();
        for (int i = 0; i < shuffled.Length; i++)
        {
            counts.TryGetValue(shuffled[i], out var n);
            if (n < perClass) { counts[shuffled[i]] = n + 1; picked.Add(order[i].item<long>()); }
        }
        if (counts.Values.Any(n => n < perClass) || counts.Count < 10)
            throw new ArgumentException($"fewer than {perClass} examples of some class in {labels.shape[0]} labels; use a smaller perClass or more data");
        var idx = tensor(picked.ToArray());
        return (images.index_select(0, idx).MoveToOuterDisposeScope(), labels.index_select(0, idx).MoveToOuterDisposeScope());
    }
}
