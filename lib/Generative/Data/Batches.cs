using System.Collections;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Data;

/// <summary>Mini-batches (x, y) over tensors already in memory: seeded shuffling, each batch disposed when the next one is taken.</summary>
/// <remarks>
/// TorchSharp's DataLoader collates one example at a time, which costs more than a VAE step on MNIST; a
/// batch here is one index_select over a seeded permutation, as a TensorDataset with a shuffled BatchSampler would give.
/// </remarks>
public sealed class Batches(Tensor x, Tensor y, int batchSize, bool shuffle, int seed) : IEnumerable<(Tensor X, Tensor Y)>
{
    int _epoch;

    /// <summary>Number of examples.</summary>
    public long Count => x.shape[0];

    /// <summary>Number of batches per pass, the last one possibly short.</summary>
    public int BatchCount => (int)((Count + batchSize - 1) / batchSize);

    /// <summary>The device the batches are moved to; null keeps the source tensors' device.</summary>
    public Device? Device { get; init; }

    /// <summary>Each enumeration is one epoch; epoch k's order depends only on the seed and k.</summary>
    public IEnumerator<(Tensor X, Tensor Y)> GetEnumerator()
    {
        using var order = shuffle
            ? randperm(Count, generator: new Generator((ulong)(seed * 1_000_003L + _epoch)))
            : arange(Count);
        _epoch++;
        (Tensor X, Tensor Y)? current = null;
        try
        {
            for (long start = 0; start < Count; start += batchSize)
            {
                if (current is { } c) { c.X.Dispose(); c.Y.Dispose(); }
                using var idx = order.narrow(0, start, Math.Min(batchSize, Count - start));
                var bx = x.index_select(0, idx);
                var by = y.index_select(0, idx);
                if (Device is { } d && bx.device != d) { bx = bx.to(d, disposeAfter: true); by = by.to(d, disposeAfter: true); }
                current = (bx, by);
                yield return current.Value;
            }
        }
        finally
        {
            if (current is { } c) { c.X.Dispose(); c.Y.Dispose(); }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
