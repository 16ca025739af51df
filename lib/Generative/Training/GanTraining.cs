using Generative.Data;
using Generative.Metrics;
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
    /// <param name="generator">Receives the trained generator: the last weights the loop reached.</param>
    /// <param name="discriminator">Receives the trained discriminator.</param>
    /// <param name="recipe">Architectures and settings; the checkpoint key is derived from it.</param>
    /// <param name="mnist">The training images.</param>
    /// <param name="averagedGenerator">A third network built by <paramref name="recipe"/>, which receives the average of the generator's
    /// weights over training; required exactly when the recipe averages (<see cref="GanRecipe.GeneratorAverageDecay"/> above 0).</param>
    /// <param name="log">Where the load-or-train line goes; null: standard output.</param>
    /// <param name="evaluate">Run after each epoch (e.g. <see cref="ScoreEachEpoch"/>); its figures are kept in the history, so a cached model
    /// still has them. A cached model trained without one is refused with a message that says how to retrain it.</param>
    public static History LoadOrTrain(Module<Tensor, Tensor> generator, Module<Tensor, Tensor> discriminator, GanRecipe recipe, Mnist mnist,
        Module<Tensor, Tensor>? averagedGenerator = null, TextWriter? log = null, Func<IReadOnlyDictionary<string, double>>? evaluate = null)
    {
        if ((recipe.GeneratorAverageDecay > 0) != (averagedGenerator is not null))
            throw new ArgumentException(recipe.GeneratorAverageDecay > 0
                ? $"recipe {recipe.Name} averages the generator's weights (decay {recipe.GeneratorAverageDecay}): pass a third network from recipe.BuildGenerator() as averagedGenerator to receive the average."
                : $"recipe {recipe.Name} does not average the generator's weights: leave averagedGenerator null, or give the recipe a GeneratorAverageDecay.",
                nameof(averagedGenerator));
        Module[] modules = averagedGenerator is null ? [generator, discriminator] : [generator, discriminator, averagedGenerator];
        var display = new TrainingDisplay($"{recipe.Name}: discriminator outputs", "epoch", "mean D output",
            e => new Dictionary<string, double> { ["D(x)"] = e.Train[GanTrainer.DReal], ["D(G(z))"] = e.Train[GanTrainer.DFake] },
            samplesTitle: $"{recipe.Name}: samples from fixed noise", samplesColumns: 16);
        var history = Checkpoint.LoadOrTrain(modules, recipe.Name, recipe, mnist, () =>
        {
            var batches = mnist.Train(recipe.BatchSize, recipe.Seed);
            return GanTrainer.Fit(generator, discriminator, recipe.GeneratorAdam.For(generator), recipe.DiscriminatorAdam.For(discriminator),
                batches, recipe.Epochs, recipe.Code,
                new TrainOptions
                {
                    Seed = recipe.Seed,
                    Evaluate = evaluate,
                    SnapshotCount = 32,
                    SnapshotEverySteps = Math.Max(1, batches.BatchCount * recipe.Epochs / 12),
                    OnEpoch = display.Epoch,
                    OnSnapshot = display.Snapshot,
                    GeneratorAverage = averagedGenerator is null ? null : new WeightAverage(generator, averagedGenerator, recipe.GeneratorAverageDecay),
                }, recipe.Loss, recipe.InformationWeight);
        }, log, display);
        if (evaluate is not null && history.Epochs.Any(e => e.Metrics.Count == 0))
            throw new InvalidOperationException(
                $"the cached {recipe.Name} in {Checkpoint.Root} was trained without a per-epoch evaluation, so its history has none to show: " +
                $"delete its {Checkpoint.Sanitize(recipe.Name)}-*.ckpt file there (or point GENERATIVE_CHECKPOINTS at an empty folder) and run again to retrain it with one.");
        return history;
    }

    /// <summary>The names of the figures <see cref="ScoreEachEpoch"/> reports.</summary>
    public const string Score = "classifier score", FrechetDistance = "Fréchet distance";

    /// <summary>An evaluation for <see cref="LoadOrTrain"/>: the classifier score and the Fréchet distance to the first
    /// <paramref name="samples"/> test images of <paramref name="samples"/> samples of <paramref name="generator"/>, always from the
    /// same codes, so that epochs (and networks) are compared on equal terms. Fewer samples than the course's final figures use: a
    /// trend, not the result.</summary>
    public static Func<IReadOnlyDictionary<string, double>> ScoreEachEpoch(Classifier classifier, Module<Tensor, Tensor> generator,
        int latentDim, Tensor testImages, int samples = 2000)
    {
        if (samples < 2 || samples > testImages.shape[0])
            throw new ArgumentOutOfRangeException(nameof(samples), samples, $"score between 2 and the {testImages.shape[0]} test images given");
        return () =>
        {
            using var images = Sample(generator, samples, latentDim, seed: 1);
            using var real = testImages.narrow(0, 0, samples);
            return new Dictionary<string, double>
            {
                [Score] = ClassifierScore.Compute(classifier, images),
                [FrechetDistance] = Frechet.Distance(classifier, real, images),
            };
        };
    }

    /// <summary>Images [N,1,28,28] in [0,1] for codes z [N, latentDim], in eval mode and without gradients.</summary>
    public static Tensor Decode(Module<Tensor, Tensor> generator, Tensor z)
    {
        using var evalMode = Inference.EvalMode(generator);
        using var noGrad = no_grad();
        using var raw = generator.forward(z);
        return GanImages.ToUnit(raw);
    }

    /// <summary><paramref name="count"/> codes z ~ N(0, I) drawn with <paramref name="seed"/>: the codes of <see cref="Sample"/>.</summary>
    public static Tensor Codes(int count, int latentDim, int seed)
    {
        var g = new Generator((ulong)seed);
        var parts = new List<Tensor>();
        try
        {
            // Drawn 500 at a time, as Sample has always drawn them, so the same seed keeps giving the same samples.
            for (int start = 0; start < count; start += 500)
                parts.Add(randn(Math.Min(500, count - start), latentDim, generator: g));
            return cat(parts, 0);
        }
        finally { foreach (var p in parts) p.Dispose(); }
    }

    /// <summary><paramref name="count"/> samples for z ~ N(0, I) drawn with <paramref name="seed"/>, decoded in batches.</summary>
    public static Tensor Sample(Module<Tensor, Tensor> generator, int count, int latentDim, int seed)
    {
        using var codes = Codes(count, latentDim, seed);
        return Inference.MapBatched(codes, 500, z => Decode(generator, z));
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
