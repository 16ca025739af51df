using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Training;

/// <summary>An exponential moving average of a network's weights, updated after each optimizer step: the average of the
/// generators a GAN passes through samples better than the last one (Yazici et al., 2019, "The unusual effectiveness of
/// averaging in GAN training"). TorchSharp 0.107 has no <c>torch.optim.swa_utils.AveragedModel</c>, hence this class.</summary>
public sealed class WeightAverage
{
    readonly Tensor[] _average, _source, _averageBuffers, _sourceBuffers;
    long _updates;

    /// <summary>Starts <paramref name="average"/> as a copy of <paramref name="source"/>; both must be the same architecture.</summary>
    /// <param name="source">The network being trained.</param>
    /// <param name="average">A second instance of the same architecture, which receives the average.</param>
    /// <param name="decay">Weight of the old average at each update, in [0, 1); 0.999 averages over roughly the last 1,000 steps.</param>
    public WeightAverage(nn.Module source, nn.Module average, double decay)
    {
        if (decay is < 0 or >= 1 || double.IsNaN(decay))
            throw new ArgumentOutOfRangeException(nameof(decay), decay, "decay must be in [0, 1): 0.999 averages over about the last 1,000 steps.");
        (_source, _average) = (source.parameters().ToArray(), average.parameters().ToArray());
        (_sourceBuffers, _averageBuffers) = (source.buffers().ToArray(), average.buffers().ToArray());
        if (_source.Length != _average.Length || _source.Zip(_average).Any(p => !p.First.shape.SequenceEqual(p.Second.shape)))
            throw new ArgumentException("the average must be a second instance of the source's architecture: their parameter shapes differ.", nameof(average));
        Decay = decay;
        using var noGrad = no_grad();
        foreach (var (a, s) in _average.Zip(_source)) a.copy_(s);
        CopyBuffers();
    }

    /// <summary>Weight of the old average at each update.</summary>
    public double Decay { get; }

    /// <summary>average ← d · average + (1 − d) · source, with d = min(decay, (1 + t) / (10 + t)) at the t-th update: early on the
    /// average follows the source closely instead of holding on to the random initial weights for thousands of steps (the
    /// warm-up of TensorFlow's ExponentialMovingAverage). Buffers (BatchNorm's running statistics) are copied, not averaged,
    /// since they describe the current network's activations.</summary>
    public void Update()
    {
        _updates++;
        double d = Math.Min(Decay, (1.0 + _updates) / (10.0 + _updates));
        using var noGrad = no_grad();
        foreach (var (a, s) in _average.Zip(_source)) a.lerp_(s, 1 - d);
        CopyBuffers();
    }

    void CopyBuffers()
    {
        foreach (var (a, s) in _averageBuffers.Zip(_sourceBuffers)) a.copy_(s);
    }
}
