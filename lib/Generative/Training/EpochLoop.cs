using System.Diagnostics;
using Generative.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Training;

/// <summary>The per-epoch mechanism every loop shares: batches on the device, one dispose scope per step, the statistics buffer,
/// the finiteness check, per-step callbacks and the evaluation after the epoch.</summary>
static class EpochLoop
{
    /// <summary>One optimisation step on a batch (x, y), returning its scalar statistics in the order of the loop's names.</summary>
    public delegate IReadOnlyList<Tensor> Step(Tensor x, Tensor y);

    /// <summary>Seeds torch, moves the models to the training device and returns that device.</summary>
    public static Device Prepare(TrainOptions options, int epochs, params nn.Module[] models)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epochs);
        if (options.Seed is int seed) manual_seed(seed);
        if (options.Device is not { } device) return Trainer.DeviceOf(models[0]);
        foreach (var m in models) m.to(device);
        return device;
    }

    /// <summary>Runs one epoch of <paramref name="step"/> over <paramref name="train"/> with <paramref name="models"/> in train mode, then evaluates them in eval mode.</summary>
    /// <param name="epoch">The 1-based epoch number, for the metrics and the divergence message.</param>
    /// <param name="train">The batches of this epoch.</param>
    /// <param name="device">Where the batches are moved before each step.</param>
    /// <param name="options">Callbacks and evaluation settings.</param>
    /// <param name="names">The names of the statistics <paramref name="step"/> returns, in order.</param>
    /// <param name="step">One optimisation step on a batch; returns its statistics.</param>
    /// <param name="models">Put in train mode for the epoch and eval mode for the evaluation.</param>
    /// <param name="afterStep">Called after each step with the number of steps taken in this epoch.</param>
    public static EpochMetrics Run(int epoch, Batches train, Device device, TrainOptions options, IReadOnlyList<string> names,
        Step step, nn.Module[] models, Action<int>? afterStep = null)
    {
        var clock = Stopwatch.StartNew();
        foreach (var m in models) m.train();
        using var statistics = new StatisticsBuffer(names, train.BatchCount, device, options.Reduction);
        foreach (var (bx, by) in train)
        {
            using var scope = NewDisposeScope();
            var x = bx.device == device ? bx : bx.to(device);
            var y = by.device == device ? by : by.to(device);
            statistics.Add(step(x, y), x.shape[0]);
            if (options.OnStep is { } onStep) onStep(new StepMetrics(epoch, statistics.Steps, statistics.Last(epoch)));
            else if (statistics.Unchecked >= options.DivergenceCheckEvery) statistics.CheckFinite(epoch);
            afterStep?.Invoke(statistics.Steps);
        }
        statistics.CheckFinite(epoch);
        var means = statistics.EpochMeans();
        double seconds = clock.Elapsed.TotalSeconds;
        return new EpochMetrics(epoch, seconds, means, Evaluate(options, models));
    }

    static IReadOnlyDictionary<string, double> Evaluate(TrainOptions options, nn.Module[] models)
    {
        var metrics = new Dictionary<string, double>();
        if (options.Evaluate is not { } evaluate) return metrics;
        foreach (var m in models) m.eval();
        using var noGrad = no_grad();
        foreach (var (k, v) in evaluate()) metrics[k] = v;
        return metrics;
    }
}
