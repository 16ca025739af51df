using System.Diagnostics;
using Generative.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Training;

/// <summary>The one training loop every model family uses: minibatch steps with a caller-supplied loss, per-epoch metrics, callbacks.</summary>
public static class Trainer
{
    /// <summary>Trains <paramref name="model"/> for <paramref name="epochs"/> passes over <paramref name="train"/> and returns the per-epoch history.</summary>
    /// <param name="model">Put in train mode for the steps and in eval mode for evaluation and at the end.</param>
    /// <param name="optimizer">Updates the model's parameters.</param>
    /// <param name="train">Batches (x, y); each enumeration is one epoch.</param>
    /// <param name="epochs">Number of passes.</param>
    /// <param name="lossPerBatch">Scalar loss of a batch (x, y), e.g. <c>(x, y) => cross_entropy(model.forward(x), y)</c>.</param>
    /// <param name="options">Seed, callbacks, evaluation, device; defaults otherwise.</param>
    /// <exception cref="TrainingDivergedException">A loss became NaN or infinite.</exception>
    public static History Fit(nn.Module model, optim.Optimizer optimizer, Batches train, int epochs,
        Func<Tensor, Tensor, Tensor> lossPerBatch, TrainOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epochs);
        options ??= new TrainOptions();
        if (options.Seed is int seed) manual_seed(seed);
        var device = options.Device ?? DeviceOf(model);
        if (options.Device is not null) model.to(device);

        var history = new History();
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            model.train();
            // Losses stay on the device and are read back only every few steps: a read per step would synchronise a GPU.
            using var losses = zeros(train.BatchCount, dtype: ScalarType.Float64, device: device);
            var weights = new double[train.BatchCount];
            int step = 0, checkedUpTo = 0;
            long examples = 0;
            foreach (var (bx, by) in train)
            {
                using var scope = NewDisposeScope();
                var x = bx.device == device ? bx : bx.to(device);
                var y = by.device == device ? by : by.to(device);
                optimizer.zero_grad();
                var loss = lossPerBatch(x, y);
                loss.backward();
                optimizer.step();

                long n = x.shape[0];
                examples += n;
                using (no_grad()) losses[step].copy_(loss.detach());
                weights[step] = options.Reduction == LossReduction.Mean ? n : 1.0;
                step++;
                if (options.OnStep is { } onStep)
                {
                    double value = loss.ToDouble();
                    if (!double.IsFinite(value)) throw new TrainingDivergedException(epoch, step, value);
                    onStep(new StepMetrics(epoch, step, value));
                    checkedUpTo = step;
                }
                else if (step - checkedUpTo >= options.DivergenceCheckEvery)
                {
                    CheckFinite(losses, checkedUpTo, step, epoch);
                    checkedUpTo = step;
                }
            }
            CheckFinite(losses, checkedUpTo, step, epoch);
            double trainLoss = double.NaN;
            if (examples > 0)
            {
                using var _ = NewDisposeScope();
                var perStep = losses.cpu().data<double>().ToArray();
                trainLoss = perStep.Zip(weights).Sum(p => p.First * p.Second) / examples;
            }
            double seconds = clock.Elapsed.TotalSeconds;

            var metrics = new Dictionary<string, double>();
            if (options.Evaluate is { } evaluate)
            {
                model.eval();
                using var _ = no_grad();
                foreach (var (k, v) in evaluate()) metrics[k] = v;
            }
            var m = new EpochMetrics(epoch, trainLoss, seconds, metrics);
            history.Epochs.Add(m);
            options.OnEpoch?.Invoke(m);
        }
        model.eval();
        return history;
    }

    /// <summary>The device of the model's first parameter (CPU for a model without parameters).</summary>
    public static Device DeviceOf(nn.Module model) =>
        model.parameters().FirstOrDefault()?.device ?? CPU;

    static void CheckFinite(Tensor losses, int from, int to, int epoch)
    {
        if (to <= from) return;
        using var scope = NewDisposeScope();
        var window = losses.narrow(0, from, to - from);
        if (window.isfinite().all().item<bool>()) return;
        var bad = window.isfinite().logical_not().nonzero()[0, 0].item<long>();
        throw new TrainingDivergedException(epoch, from + (int)bad + 1, window[bad].item<double>());
    }
}
