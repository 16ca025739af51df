using System.Diagnostics;
using Generative.Data;
using Generative.Models;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Generative.Training;

/// <summary>The GAN loop: per batch a discriminator step on real and fake, then a generator step with the non-saturating loss.</summary>
public static class GanTrainer
{
    /// <summary>Trains the pair for <paramref name="epochs"/> passes; real images come from <paramref name="train"/> in [0,1] and are mapped to [-1,1].</summary>
    /// <param name="generator">z [N,latentDim] to images [N,1,28,28] in [-1,1].</param>
    /// <param name="discriminator">Images in [-1,1] to logits [N].</param>
    /// <param name="optG">Optimizer of the generator's parameters.</param>
    /// <param name="optD">Optimizer of the discriminator's parameters.</param>
    /// <param name="train">Batches of real images (labels are ignored).</param>
    /// <param name="epochs">Number of passes.</param>
    /// <param name="latentDim">Size of z.</param>
    /// <param name="options">Seed, callbacks, snapshots, device.</param>
    /// <exception cref="TrainingDivergedException">A loss became NaN or infinite.</exception>
    public static GanHistory Fit(Module<Tensor, Tensor> generator, Module<Tensor, Tensor> discriminator,
        optim.Optimizer optG, optim.Optimizer optD, Batches train, int epochs, int latentDim, GanOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epochs);
        options ??= new GanOptions();
        if (options.Seed is int seed) manual_seed(seed);
        var device = options.Device ?? Trainer.DeviceOf(generator);
        if (options.Device is not null) { generator.to(device); discriminator.to(device); }

        using var fixedNoise = randn(options.SnapshotCount, latentDim, device: device);
        var history = new GanHistory();
        int globalStep = 0;
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            generator.train();
            discriminator.train();
            // Columns: D(x), D(G(z)), loss D, loss G; kept on the device and read back only every few steps.
            using var stats = zeros(train.BatchCount, 4, dtype: ScalarType.Float64, device: device);
            int step = 0, checkedUpTo = 0;
            foreach (var (bx, _) in train)
            {
                using var scope = NewDisposeScope();
                var real = GanImages.FromUnit(bx.device == device ? bx : bx.to(device));
                long n = real.shape[0];
                var ones = torch.ones(n, device: device);
                var zeros = torch.zeros(n, device: device);

                var fake = generator.forward(randn(n, latentDim, device: device));

                optD.zero_grad();
                var realLogits = discriminator.forward(real);
                var fakeLogits = discriminator.forward(fake.detach());
                var lossD = functional.binary_cross_entropy_with_logits(realLogits, ones)
                          + functional.binary_cross_entropy_with_logits(fakeLogits, zeros);
                lossD.backward();
                optD.step();

                // Non-saturating: G maximises log D(G(z)) instead of minimising log(1 - D(G(z))), whose gradient vanishes
                // early on when D rejects every fake.
                optG.zero_grad();
                var lossG = functional.binary_cross_entropy_with_logits(discriminator.forward(fake), ones);
                lossG.backward();
                optG.step();

                using (no_grad())
                {
                    stats[step].copy_(stack([sigmoid(realLogits).mean(), sigmoid(fakeLogits).mean(), lossD.detach(), lossG.detach()]));
                }
                step++;
                globalStep++;
                if (options.OnStep is { } onStep)
                {
                    var row = stats[step - 1].cpu().data<double>().ToArray();
                    if (!row.All(double.IsFinite)) CheckFinite(stats, step - 1, step, epoch);
                    onStep(new GanStepMetrics(epoch, step, row[0], row[1], row[2], row[3]));
                    checkedUpTo = step;
                }
                else if (step - checkedUpTo >= options.DivergenceCheckEvery)
                {
                    CheckFinite(stats, checkedUpTo, step, epoch);
                    checkedUpTo = step;
                }
                if (options.SnapshotEverySteps > 0 && globalStep % options.SnapshotEverySteps == 0)
                    Snapshot(generator, fixedNoise, epoch, globalStep, history, options);
            }
            CheckFinite(stats, checkedUpTo, step, epoch);
            double seconds = clock.Elapsed.TotalSeconds;
            var mean = Enumerable.Repeat(double.NaN, 4).ToArray();
            if (step > 0)
            {
                using var _ = NewDisposeScope();
                mean = stats.narrow(0, 0, step).mean([0]).cpu().data<double>().ToArray();
            }
            if (options.SnapshotEverySteps <= 0 || globalStep % options.SnapshotEverySteps != 0)
                Snapshot(generator, fixedNoise, epoch, globalStep, history, options);
            var m = new GanEpochMetrics(epoch, mean[0], mean[1], mean[2], mean[3], seconds);
            history.Epochs.Add(m);
            options.OnEpoch?.Invoke(m);
        }
        generator.eval();
        discriminator.eval();
        return history;
    }

    /// <summary>Samples in eval mode (BatchNorm on its running statistics), as they will be drawn after training.</summary>
    static void Snapshot(Module<Tensor, Tensor> generator, Tensor noise, int epoch, int step, GanHistory history, GanOptions options)
    {
        bool wasTraining = generator.training;
        generator.eval();
        using (no_grad())
        using (var scope = NewDisposeScope())
        {
            var shot = GanSnapshot.From(epoch, step, GanImages.ToUnit(generator.forward(noise)));
            history.Snapshots.Add(shot);
            options.OnSnapshot?.Invoke(shot);
        }
        if (wasTraining) generator.train();
    }

    static void CheckFinite(Tensor stats, int from, int to, int epoch)
    {
        if (to <= from) return;
        using var scope = NewDisposeScope();
        var window = stats.narrow(0, from, to - from).narrow(1, 2, 2);
        var finite = window.isfinite().all(1);
        if (finite.all().item<bool>()) return;
        var bad = finite.logical_not().nonzero()[0, 0].item<long>();
        var row = window[bad];
        double value = double.IsFinite(row[0].item<double>()) ? row[1].item<double>() : row[0].item<double>();
        throw new TrainingDivergedException(epoch, from + (int)bad + 1, value);
    }
}
