using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Training;

/// <summary>An epoch's per-step statistics, kept on the device and read back only now and then: a read per step would synchronise a GPU.</summary>
sealed class StatisticsBuffer(IReadOnlyList<string> names, int steps, Device device, nn.Reduction reduction) : IDisposable
{
    readonly Tensor _rows = zeros(Math.Max(steps, 1), names.Count, dtype: ScalarType.Float64, device: device);
    // A mean-reduced statistic weighs by its batch size and a summed one counts once, so the epoch mean is per example either way.
    readonly double[] _weights = new double[Math.Max(steps, 1)];
    long _examples;
    int _checkedUpTo;

    /// <summary>Steps recorded so far.</summary>
    public int Steps { get; private set; }

    /// <summary>Steps recorded since the last finiteness check.</summary>
    public int Unchecked => Steps - _checkedUpTo;

    /// <summary>Records one step's scalar statistics, in the order of the names, for a batch of <paramref name="examples"/>.</summary>
    public void Add(IReadOnlyList<Tensor> values, long examples)
    {
        using (no_grad()) _rows[Steps].copy_(stack(values.Select(v => v.detach().to_type(ScalarType.Float64)).ToArray()));
        _weights[Steps] = reduction == nn.Reduction.Sum ? 1.0 : examples;
        _examples += examples;
        Steps++;
    }

    /// <summary>The last step's statistics as the loss functions reduced them; throws if one is not finite.</summary>
    public IReadOnlyDictionary<string, double> Last(int epoch)
    {
        CheckFinite(epoch, Steps - 1);
        using var scope = NewDisposeScope();
        return Named(_rows[Steps - 1].cpu().data<double>().ToArray());
    }

    /// <summary>Throws <see cref="TrainingDivergedException"/> at the first non-finite statistic recorded since the last check.</summary>
    public void CheckFinite(int epoch) => CheckFinite(epoch, _checkedUpTo);

    void CheckFinite(int epoch, int from)
    {
        if (Steps <= from) return;
        _checkedUpTo = Steps;
        using var scope = NewDisposeScope();
        var window = _rows.narrow(0, from, Steps - from);
        var finite = window.isfinite();
        if (finite.all().item<bool>()) return;
        var first = finite.logical_not().nonzero()[0];
        long step = first[0].item<long>(), column = first[1].item<long>();
        throw new TrainingDivergedException(epoch, from + (int)step + 1, window[step, column].item<double>());
    }

    /// <summary>Each statistic's mean per example over the epoch (NaN for an empty epoch).</summary>
    public IReadOnlyDictionary<string, double> EpochMeans()
    {
        var sums = new double[names.Count];
        if (Steps == 0) return Named(sums.Select(_ => double.NaN).ToArray());
        using var scope = NewDisposeScope();
        var rows = _rows.narrow(0, 0, Steps).cpu().data<double>().ToArray();
        for (int s = 0; s < Steps; s++)
            for (int c = 0; c < sums.Length; c++) sums[c] += rows[s * sums.Length + c] * _weights[s];
        return Named(sums.Select(v => v / _examples).ToArray());
    }

    Dictionary<string, double> Named(double[] values) => names.Zip(values).ToDictionary(p => p.First, p => p.Second);

    public void Dispose() => _rows.Dispose();
}
