using Generative.Data;
using Generative.Models;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Generative.Training;

/// <summary>The GAN loop, as pytorch/examples' dcgan/main.py: per batch (1) update D on real and fake, (2) update G with the non-saturating loss.</summary>
public static class GanTrainer
{
    /// <summary>The loop's statistics by name: mean D(x), mean D(G(z)) before the D step, the discriminator's and the generator's loss.</summary>
    public const string DReal = "D(x)", DFake = "D(G(z))", LossD = "loss_D", LossG = "loss_G";

    /// <summary>Each statistic's name beside the field that holds it, in the order the epoch's buffer keeps them: the one place the two are paired.</summary>
    static readonly (string Name, Func<Statistics, Tensor> Of)[] Columns =
        [(DReal, s => s.DReal), (DFake, s => s.DFake), (LossD, s => s.LossD), (LossG, s => s.LossG)];

    static readonly string[] Names = Columns.Select(c => c.Name).ToArray();

    /// <summary>One step's statistics, each a scalar tensor.</summary>
    /// <param name="DReal">Mean D(x) on the real batch.</param>
    /// <param name="DFake">Mean D(G(z)) before the discriminator's update.</param>
    /// <param name="LossD">The discriminator's loss.</param>
    /// <param name="LossG">The generator's non-saturating loss.</param>
    public sealed record Statistics(Tensor DReal, Tensor DFake, Tensor LossD, Tensor LossG);

    /// <summary>Trains the pair for <paramref name="epochs"/> passes; real images come from <paramref name="train"/> in [0,1] and are mapped to [-1,1].</summary>
    /// <param name="generator">z [N,latentDim] to images [N,1,28,28] in [-1,1].</param>
    /// <param name="discriminator">Images in [-1,1] to logits [N].</param>
    /// <param name="optG">Optimizer of the generator's parameters.</param>
    /// <param name="optD">Optimizer of the discriminator's parameters.</param>
    /// <param name="train">Batches of real images (labels are ignored).</param>
    /// <param name="epochs">Number of passes.</param>
    /// <param name="latentDim">Size of z.</param>
    /// <param name="options">Seed, callbacks, snapshots, device.</param>
    /// <param name="realLabel">D's target on real images (<see cref="GanRecipe.RealLabel"/>).</param>
    /// <exception cref="TrainingDivergedException">A loss became NaN or infinite.</exception>
    public static History Fit(Module<Tensor, Tensor> generator, Module<Tensor, Tensor> discriminator,
        optim.Optimizer optG, optim.Optimizer optD, Batches train, int epochs, int latentDim, TrainOptions? options = null, double realLabel = 1)
    {
        options ??= new TrainOptions();
        CheckRealLabel(realLabel);
        var device = EpochLoop.Prepare(options, epochs, generator, discriminator);
        using var fixedNoise = randn(options.SnapshotCount, latentDim, device: device);
        var history = new History();
        int stepsBefore = 0;
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            int e = epoch, before = stepsBefore;
            var metrics = EpochLoop.Run(epoch, train, device, options, Names,
                (x, _) =>
                {
                    var statistics = Step(generator, discriminator, optG, optD, GanImages.FromUnit(x), latentDim, realLabel);
                    options.GeneratorAverage?.Update();
                    return Columns.Select(c => c.Of(statistics)).ToArray();
                },
                [generator, discriminator],
                afterStep: step => { if (IsSnapshotStep(before + step, options)) Snapshot(generator, fixedNoise, e, before + step, history, options); });
            stepsBefore += train.BatchCount;
            if (!IsSnapshotStep(stepsBefore, options)) Snapshot(generator, fixedNoise, epoch, stepsBefore, history, options);
            history.Epochs.Add(metrics);
            options.OnEpoch?.Invoke(metrics);
        }
        generator.eval();
        discriminator.eval();
        return history;
    }

    /// <summary>One step of the loop on a batch of <paramref name="real"/> images in [-1,1]: draw z from torch's generator, (1) update D,
    /// (2) update G. Notebook 04, section 3, writes this step in cells and checks it against this method.</summary>
    /// <param name="generator">z [N,latentDim] to images in [-1,1].</param>
    /// <param name="discriminator">Images to logits [N].</param>
    /// <param name="optG">Optimizer of the generator's parameters.</param>
    /// <param name="optD">Optimizer of the discriminator's parameters.</param>
    /// <param name="real">Real images [N,1,28,28] in [-1,1].</param>
    /// <param name="latentDim">Size of z.</param>
    /// <param name="realLabel">D's target on real images: 1, or below 1 for one-sided label smoothing (<see cref="GanRecipe.RealLabel"/>).</param>
    public static Statistics Step(Module<Tensor, Tensor> generator, Module<Tensor, Tensor> discriminator,
        optim.Optimizer optG, optim.Optimizer optD, Tensor real, int latentDim, double realLabel = 1)
    {
        CheckRealLabel(realLabel);
        var fake = generator.forward(randn(real.shape[0], latentDim, device: real.device));
        var (dReal, dFake, lossD) = UpdateDiscriminator(discriminator, optD, real, fake, realLabel);
        var lossG = UpdateGenerator(discriminator, optG, fake);
        return new Statistics(dReal, dFake, lossD, lossG);
    }

    /// <summary>(1) Update D: maximise log D(x) + log(1 − D(G(z))); the fakes are detached so that G is not updated here. With a real
    /// label below 1, real images are scored against that target instead of 1 (one-sided label smoothing).</summary>
    static (Tensor DReal, Tensor DFake, Tensor LossD) UpdateDiscriminator(Module<Tensor, Tensor> discriminator, optim.Optimizer optD, Tensor real, Tensor fake, double realLabel)
    {
        optD.zero_grad();
        var realLogits = discriminator.forward(real);
        var fakeLogits = discriminator.forward(fake.detach());
        var lossD = functional.binary_cross_entropy_with_logits(realLogits, full_like(realLogits, realLabel))
                  + functional.binary_cross_entropy_with_logits(fakeLogits, zeros_like(fakeLogits));
        lossD.backward();
        optD.step();
        return (sigmoid(realLogits).mean(), sigmoid(fakeLogits).mean(), lossD);
    }

    /// <summary>(2) Update G with the non-saturating loss: maximise log D(G(z)) rather than minimise log(1 − D(G(z))), whose
    /// gradient vanishes early on when D rejects every fake.</summary>
    static Tensor UpdateGenerator(Module<Tensor, Tensor> discriminator, optim.Optimizer optG, Tensor fake)
    {
        optG.zero_grad();
        var logits = discriminator.forward(fake);
        var lossG = functional.binary_cross_entropy_with_logits(logits, ones_like(logits));
        lossG.backward();
        optG.step();
        return lossG;
    }

    static void CheckRealLabel(double realLabel)
    {
        if (!(realLabel > 0.5 && realLabel <= 1))
            throw new ArgumentOutOfRangeException(nameof(realLabel), realLabel,
                "D's target for real images must lie in (0.5, 1]: 1 is the plain GAN loss, 0.9 the usual one-sided label smoothing; at 0.5 or below, D would be taught that real images look fake");
    }

    static bool IsSnapshotStep(int globalStep, TrainOptions options) =>
        options.SnapshotEverySteps > 0 && globalStep % options.SnapshotEverySteps == 0;

    /// <summary>Samples in eval mode (BatchNorm on its running statistics), as they will be drawn after training.</summary>
    static void Snapshot(Module<Tensor, Tensor> generator, Tensor noise, int epoch, int step, History history, TrainOptions options)
    {
        using var evalMode = Inference.EvalMode(generator);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var shot = GanSnapshot.From(epoch, step, GanImages.ToUnit(generator.forward(noise)));
        history.Snapshots.Add(shot);
        options.OnSnapshot?.Invoke(shot);
    }
}
