using System.Diagnostics;
using Generative.Data;
using Generative.Models;
using Generative.Training;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Generative.Benchmarks;

/// <summary>The course's most expensive loop, notebook 05's DCGAN step: the library's GanTrainer against a bare TorchSharp loop
/// written as pytorch/examples' dcgan/main.py, and candidate speed-ups against the plain fp32 loop, all interleaved in one run.</summary>
public static class DcganBench
{
    /// <summary>Epoch seconds per variant, in the order run; each list holds one figure per repetition.</summary>
    public static IReadOnlyDictionary<string, double[]> Run(Mnist mnist, BenchConfig config, Action<string> progress)
    {
        var recipe = Recipes.Dcgan;
        var variants = new (string Name, Func<double> Epoch)[]
        {
            ("bare", Bare(recipe, mnist, config, channelsLast: false)),
            ("GanTrainer", Library(recipe, mnist, config)),
            ("bare, channels-last input", Bare(recipe, mnist, config, channelsLast: true)),
        };
        foreach (var (_, epoch) in variants) epoch();
        var seconds = variants.ToDictionary(v => v.Name, _ => new List<double>());
        for (int r = 0; r < config.Repetitions; r++)
        {
            // Rotate the order so that no variant always runs first on a warmer or cooler machine.
            for (int i = 0; i < variants.Length; i++)
            {
                var (name, epoch) = variants[(i + r) % variants.Length];
                seconds[name].Add(epoch());
            }
            progress($"DCGAN repetition {r + 1}: " + string.Join(", ", seconds.Select(s => $"{s.Key} {s.Value[^1]:F2} s")));
        }
        return seconds.ToDictionary(s => s.Key, s => s.Value.ToArray());
    }

    static Batches Subset(Mnist mnist, BenchConfig config, GanRecipe recipe) =>
        new(mnist.TrainImages.narrow(0, 0, config.DcganImages), mnist.TrainLabels.narrow(0, 0, config.DcganImages), recipe.BatchSize, shuffle: true, seed: 1);

    static Func<double> Library(GanRecipe recipe, Mnist mnist, BenchConfig config)
    {
        manual_seed(0);
        var (g, d) = (recipe.BuildGenerator(), recipe.BuildDiscriminator());
        var (optG, optD) = (recipe.GeneratorAdam.For(g), recipe.DiscriminatorAdam.For(d));
        var batches = Subset(mnist, config, recipe);
        return () => GanTrainer.Fit(g, d, optG, optD, batches, 1, recipe.LatentDim).Epochs[0].Seconds;
    }

    /// <summary>dcgan/main.py's loop: (1) update D on real and fake, (2) update G with the non-saturating loss.</summary>
    /// <param name="channelsLast">Feeds the discriminator NHWC-strided real images, which steers libtorch's convolutions to
    /// their channels-last kernels (TorchSharp 0.107 has no memory_format conversion, so the layout is made by a permute).</param>
    static Func<double> Bare(GanRecipe recipe, Mnist mnist, BenchConfig config, bool channelsLast)
    {
        manual_seed(0);
        var (g, d) = (recipe.BuildGenerator(), recipe.BuildDiscriminator());
        var (optG, optD) = (recipe.GeneratorAdam.For(g), recipe.DiscriminatorAdam.For(d));
        var batches = Subset(mnist, config, recipe);
        return () =>
        {
            var clock = Stopwatch.StartNew();
            g.train(); d.train();
            foreach (var (x, _) in batches)
            {
                using var scope = NewDisposeScope();
                var real = x * 2 - 1;
                if (channelsLast) real = real.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2);
                var fake = g.forward(randn(real.shape[0], recipe.LatentDim));
                optD.zero_grad();
                var realLogits = d.forward(real);
                var fakeLogits = d.forward(fake.detach());
                var lossD = functional.binary_cross_entropy_with_logits(realLogits, ones_like(realLogits))
                          + functional.binary_cross_entropy_with_logits(fakeLogits, zeros_like(fakeLogits));
                lossD.backward();
                optD.step();
                optG.zero_grad();
                var output = d.forward(fake);
                functional.binary_cross_entropy_with_logits(output, ones_like(output)).backward();
                optG.step();
            }
            return clock.Elapsed.TotalSeconds;
        };
    }
}
