using System.Diagnostics;
using Generative.Data;
using Generative.Models;
using Generative.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Benchmarks;

/// <summary>The three measurements: Trainer vs a bare loop, matmul throughput vs the VAE's FLOP floor, and working set over epochs.</summary>
public static class Bench
{
    const int Hidden = 400, Latent = 20, Pixels = 784;

    /// <summary>Runs every measurement on <paramref name="mnist"/>'s training images, reporting progress through <paramref name="progress"/>.</summary>
    public static BenchResults Run(Mnist mnist, BenchConfig config, Action<string> progress)
    {
        var (bare, trainer) = Overhead(mnist, config, progress);
        double gflops = MatmulGflops(config.MatmulRepetitions);
        // Matmul FLOPs of one example's forward pass (2 per multiply-add), times 3 for forward + backward.
        double perExample = 3 * 2.0 * (Pixels * Hidden + 2 * Hidden * Latent + Latent * Hidden + Hidden * Pixels);
        double epochGflop = perExample * config.TrainImages / 1e9;
        double floor = epochGflop / gflops;
        progress($"matmul {gflops:F1} GFLOP/s; VAE epoch {epochGflop:F1} GFLOP, floor {floor:F2} s");
        var memory = WorkingSet(mnist, config, progress);
        double bareMedian = Median(bare), trainerMedian = Median(trainer);
        return new BenchResults(config, get_num_threads(), bare, trainer, bareMedian, trainerMedian, trainerMedian / bareMedian,
            gflops, epochGflop, floor, trainerMedian / floor, memory, memory[^1] - memory[0]);
    }

    /// <summary>Epoch times of the bare loop and of the Trainer, interleaved so that load changes on the machine hit both alike.</summary>
    static (double[] Bare, double[] Trainer) Overhead(Mnist mnist, BenchConfig config, Action<string> progress)
    {
        manual_seed(0);
        var bareModel = new Vae(Hidden, Latent);
        var bareOpt = optim.Adam(bareModel.parameters(), 1e-3);
        var trainerModel = new Vae(Hidden, Latent);
        var trainerOpt = optim.Adam(trainerModel.parameters(), 1e-3);
        var bareBatches = mnist.Train(config.BatchSize, seed: 1);
        var trainerBatches = mnist.Train(config.BatchSize, seed: 1);

        // One untimed epoch each: the first epoch pays for allocator warm-up and the optimizers' state.
        BareEpoch(bareModel, bareOpt, bareBatches);
        TrainerEpoch(trainerModel, trainerOpt, trainerBatches);
        var bare = new List<double>();
        var trainer = new List<double>();
        for (int r = 0; r < config.Repetitions; r++)
        {
            // Alternate which loop goes first, so neither always runs on a warmer or cooler machine.
            if (r % 2 == 0) { bare.Add(BareEpoch(bareModel, bareOpt, bareBatches)); trainer.Add(TrainerEpoch(trainerModel, trainerOpt, trainerBatches)); }
            else { trainer.Add(TrainerEpoch(trainerModel, trainerOpt, trainerBatches)); bare.Add(BareEpoch(bareModel, bareOpt, bareBatches)); }
            progress($"repetition {r + 1}: bare {bare[^1]:F2} s, Trainer {trainer[^1]:F2} s");
        }
        return (bare.ToArray(), trainer.ToArray());
    }

    /// <summary>pytorch/examples' train() without its printing: the loop a learner would write by hand.</summary>
    static double BareEpoch(Vae model, optim.Optimizer optimizer, Batches batches)
    {
        var clock = Stopwatch.StartNew();
        model.train();
        foreach (var (x, _) in batches)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = Elbo.Loss(model, x);
            loss.backward();
            optimizer.step();
        }
        return clock.Elapsed.TotalSeconds;
    }

    static double TrainerEpoch(Vae model, optim.Optimizer optimizer, Batches batches)
    {
        var history = Trainer.Fit(model, optimizer, batches, 1, (x, _) => Elbo.Loss(model, x),
            new TrainOptions { Reduction = nn.Reduction.Sum });
        return history.Epochs[0].Seconds;
    }

    static double MatmulGflops(int repetitions)
    {
        using var scope = NewDisposeScope();
        var a = randn(1024, 1024);
        var b = randn(1024, 1024);
        for (int i = 0; i < 3; i++) mm(a, b).Dispose();
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < repetitions; i++) mm(a, b).Dispose();
        return 2.0 * 1024 * 1024 * 1024 * repetitions / clock.Elapsed.TotalSeconds / 1e9;
    }

    /// <summary>Working set in MB after each epoch of Trainer-driven VAE training, after a full garbage collection.</summary>
    static double[] WorkingSet(Mnist mnist, BenchConfig config, Action<string> progress)
    {
        manual_seed(0);
        var model = new Vae(Hidden, Latent);
        var optimizer = optim.Adam(model.parameters(), 1e-3);
        var batches = mnist.Train(config.BatchSize, seed: 2);
        var sizes = new List<double>();
        for (int e = 1; e <= config.MemoryEpochs; e++)
        {
            TrainerEpoch(model, optimizer, batches);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            using var process = Process.GetCurrentProcess();
            sizes.Add(process.WorkingSet64 / (1024.0 * 1024.0));
            progress($"memory epoch {e}: working set {sizes[^1]:F1} MB, live tensors {Tensor.TotalCount}");
        }
        return sizes.ToArray();
    }

    /// <summary>The median of <paramref name="values"/>.</summary>
    public static double Median(double[] values)
    {
        var s = values.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }
}
