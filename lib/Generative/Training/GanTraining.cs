using Generative.Data;
using Generative.Models;
using Generative.Plots;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Generative.Training;

/// <summary>Trains a generator and discriminator pair with the course's GAN loop, cached by configuration, with live D(x), D(G(z)) curves and samples.</summary>
public static class GanTraining
{
    /// <summary>Loads or trains the pair (built by <paramref name="recipe"/>) with the non-saturating generator loss; about a dozen
    /// snapshots of fixed-noise samples are kept.</summary>
    public static History LoadOrTrain(Module<Tensor, Tensor> generator, Module<Tensor, Tensor> discriminator, GanRecipe recipe, Mnist mnist, TextWriter? log = null) =>
        Checkpoint.LoadOrTrain([generator, discriminator], recipe.Name, recipe, mnist, () =>
        {
            var batches = mnist.Train(recipe.BatchSize, recipe.Seed);
            var curves = LiveCurves.Show($"{generator.GetType().Name}: discriminator outputs", "epoch", "mean D output");
            var samples = LiveImages.Show($"{generator.GetType().Name}: samples from fixed noise", columns: 16);
            return GanTrainer.Fit(generator, discriminator, recipe.GeneratorAdam.For(generator), recipe.DiscriminatorAdam.For(discriminator),
                batches, recipe.Epochs, recipe.LatentDim,
                new TrainOptions
                {
                    Seed = recipe.Seed,
                    SnapshotCount = 32,
                    SnapshotEverySteps = Math.Max(1, batches.BatchCount * recipe.Epochs / 12),
                    OnEpoch = e => curves.Add(e.Epoch, new Dictionary<string, double> { ["D(x)"] = e.Train[GanTrainer.DReal], ["D(G(z))"] = e.Train[GanTrainer.DFake] }),
                    OnSnapshot = s => { using var images = s.Images(); samples.Add(s.Epoch, images); },
                });
        }, log);

    /// <summary>Images [N,1,28,28] in [0,1] for codes z [N, latentDim], in eval mode and without gradients.</summary>
    public static Tensor Decode(Module<Tensor, Tensor> generator, Tensor z)
    {
        using var evalMode = Inference.EvalMode(generator);
        using var noGrad = no_grad();
        using var raw = generator.forward(z);
        return GanImages.ToUnit(raw);
    }

    /// <summary><paramref name="count"/> samples for z ~ N(0, I) drawn with <paramref name="seed"/>, in batches.</summary>
    public static Tensor Sample(Module<Tensor, Tensor> generator, int count, int latentDim, int seed)
    {
        var g = new Generator((ulong)seed);
        var parts = new List<Tensor>();
        try
        {
            for (int start = 0; start < count; start += 500)
            {
                using var z = randn(Math.Min(500, count - start), latentDim, generator: g);
                parts.Add(Decode(generator, z));
            }
            return cat(parts, 0);
        }
        finally { foreach (var p in parts) p.Dispose(); }
    }

    /// <summary>The first <paramref name="perRow"/> fixed-noise samples of <paramref name="rows"/> snapshots spread evenly over training, row by row.</summary>
    public static Tensor SnapshotGrid(History history, int rows, int perRow)
    {
        var snaps = history.Snapshots;
        if (snaps.Count == 0) throw new InvalidOperationException("the history has no snapshots; train with snapshots enabled");
        var picked = Enumerable.Range(0, Math.Min(rows, snaps.Count))
            .Select(i => snaps[(int)Math.Round(i * (snaps.Count - 1) / Math.Max(1.0, Math.Min(rows, snaps.Count) - 1))]).ToList();
        var parts = picked.Select(s => { using var all = s.Images(); return all.narrow(0, 0, Math.Min(perRow, s.Count)).clone(); }).ToList();
        try { return cat(parts, 0); }
        finally { foreach (var p in parts) p.Dispose(); }
    }
}
