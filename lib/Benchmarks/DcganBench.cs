using System.Diagnostics;
using Generative.Data;
using Generative.Models;
using Generative.Training;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using Parameter = TorchSharp.Modules.Parameter;

namespace Generative.Benchmarks;

/// <summary>The course's most expensive loop, notebook 05's DCGAN step: the library's GanTrainer against a bare TorchSharp loop
/// written as pytorch/examples' dcgan/main.py (with the recipe's loss in place of its cross-entropy, plus InfoGAN's information loss), and candidate speed-ups
/// against the plain fp32 loop, all interleaved in one run.</summary>
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
            ("bare, bf16 with fp32 master weights", MixedBf16(recipe, mnist, config)),
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
        return () => GanTrainer.Fit(g, d, optG, optD, batches, 1, recipe.Code, loss: recipe.Loss, informationWeight: recipe.InformationWeight).Epochs[0].Seconds;
    }

    /// <summary>
    /// The bare loop on bfloat16 copies of both networks, which this CPU's AVX-512 BF16 instructions multiply at twice the fp32 rate:
    /// each step copies the fp32 weights into the copies, runs forward and backward in bf16, and hands the gradients back to Adam on
    /// the fp32 weights (TorchSharp 0.107 has no autocast, so this is the manual form of mixed precision). Measured only: the course
    /// trains in fp32 (the closing note of issue 9 gives a scratch comparison of the two).
    /// </summary>
    static Func<double> MixedBf16(GanRecipe recipe, Mnist mnist, BenchConfig config)
    {
        manual_seed(0);
        var (g, d) = (recipe.BuildGenerator(), recipe.BuildDiscriminator());
        var (g16, d16) = (recipe.BuildGenerator().to(ScalarType.BFloat16), recipe.BuildDiscriminator().to(ScalarType.BFloat16));
        var q16 = (ICodeReader)d16;
        var (optG, optD) = (recipe.GeneratorAdam.For(g), recipe.DiscriminatorAdam.For(d));
        var batches = Subset(mnist, config, recipe);
        var pairs = (G: g.parameters().Zip(g16.parameters()).ToArray(), D: d.parameters().Zip(d16.parameters()).ToArray());
        static void Down((Parameter Master, Parameter Copy)[] pairs)
        {
            using var _ = no_grad();
            foreach (var (master, copy) in pairs) copy.copy_(master);
        }
        static void GradientsUp((Parameter Master, Parameter Copy)[] pairs)
        {
            foreach (var (master, copy) in pairs)
                if (master.grad is null) master.grad = copy.grad!.to(ScalarType.Float32);
                else master.grad.copy_(copy.grad!);
        }
        return () =>
        {
            var clock = Stopwatch.StartNew();
            g16.train(); d16.train();
            foreach (var (x, _) in batches)
            {
                using var scope = NewDisposeScope();
                Down(pairs.G); Down(pairs.D);
                var real = (x * 2 - 1).to(ScalarType.BFloat16);
                var z = randn(real.shape[0], recipe.LatentDim, dtype: ScalarType.BFloat16);
                var fake = g16.forward(z);
                d16.zero_grad();
                var realLogits = d16.forward(real).to(ScalarType.Float32);
                var (fakeLogits, fakeCodes) = q16.Read(fake.detach());
                var lossD = GanTrainer.DiscriminatorLoss(recipe.Loss, realLogits, fakeLogits.to(ScalarType.Float32))
                    + recipe.InformationWeight * GanTrainer.InformationLoss(recipe.Code, fakeCodes.to(ScalarType.Float32), z.to(ScalarType.Float32));
                lossD.backward();
                GradientsUp(pairs.D);
                optD.step();
                Down(pairs.D);
                g16.zero_grad();
                var (logits, codes) = q16.Read(fake);
                (GanTrainer.GeneratorLoss(recipe.Loss, logits.to(ScalarType.Float32))
                    + recipe.InformationWeight * GanTrainer.InformationLoss(recipe.Code, codes.to(ScalarType.Float32), z.to(ScalarType.Float32))).backward();
                GradientsUp(pairs.G);
                optG.step();
            }
            return clock.Elapsed.TotalSeconds;
        };
    }

    /// <summary>dcgan/main.py's loop with the recipe's losses: (1) update D (and Q) on real and fake, (2) update G.</summary>
    /// <param name="channelsLast">Feeds the discriminator NHWC-strided real images, which steers libtorch's convolutions to
    /// their channels-last kernels (TorchSharp 0.107 has no memory_format conversion, so the layout is made by a permute).</param>
    static Func<double> Bare(GanRecipe recipe, Mnist mnist, BenchConfig config, bool channelsLast)
    {
        manual_seed(0);
        var (g, d) = (recipe.BuildGenerator(), recipe.BuildDiscriminator());
        var q = (ICodeReader)d;
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
                var z = randn(real.shape[0], recipe.LatentDim);
                var fake = g.forward(z);
                optD.zero_grad();
                var realLogits = d.forward(real);
                var (fakeLogits, fakeCodes) = q.Read(fake.detach());
                var lossD = GanTrainer.DiscriminatorLoss(recipe.Loss, realLogits, fakeLogits) + recipe.InformationWeight * GanTrainer.InformationLoss(recipe.Code, fakeCodes, z);
                lossD.backward();
                optD.step();
                optG.zero_grad();
                var (logits, codes) = q.Read(fake);
                (GanTrainer.GeneratorLoss(recipe.Loss, logits) + recipe.InformationWeight * GanTrainer.InformationLoss(recipe.Code, codes, z)).backward();
                optG.step();
            }
            return clock.Elapsed.TotalSeconds;
        };
    }
}
