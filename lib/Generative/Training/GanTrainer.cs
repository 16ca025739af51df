using Generative.Data;
using Generative.Models;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Generative.Training;

/// <summary>The GAN loop, as pytorch/examples' dcgan/main.py: per batch (1) update D on real and fake, (2) update G, with the
/// non-saturating loss (or the hinge loss).</summary>
public static class GanTrainer
{
    /// <summary>The loop's statistics by name: mean D(x), mean D(G(z)) before the D step, the discriminator's and the generator's loss.</summary>
    public const string DReal = "D(x)", DFake = "D(G(z))", LossD = "loss_D", LossG = "loss_G";

    /// <summary>Each statistic's name beside the field that holds it, in the order the epoch's buffer keeps them: the one place the two are paired.</summary>
    static readonly (string Name, Func<Statistics, Tensor> Of)[] Columns =
        [(DReal, s => s.DReal), (DFake, s => s.DFake), (LossD, s => s.LossD), (LossG, s => s.LossG)];

    static readonly string[] Names = Columns.Select(c => c.Name).ToArray();

    /// <summary>One step's statistics, each a scalar tensor. D(·) is the sigmoid of D's logit for either loss: a probability of
    /// "real" under the cross-entropy, a squashed logit under the hinge loss (0.73 is the hinge's margin of 1).</summary>
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
    /// <param name="code">Size of z and its codes (<see cref="GanRecipe.Code"/>; an int alone: plain noise).</param>
    /// <param name="options">Seed, callbacks, snapshots, device.</param>
    /// <param name="loss">The adversarial loss (<see cref="GanRecipe.Loss"/>).</param>
    /// <param name="informationWeight">Weight of the information loss (<see cref="GanRecipe.InformationWeight"/>).</param>
    /// <exception cref="TrainingDivergedException">A loss became NaN or infinite.</exception>
    public static History Fit(Module<Tensor, Tensor> generator, Module<Tensor, Tensor> discriminator,
        optim.Optimizer optG, optim.Optimizer optD, Batches train, int epochs, LatentCode code, TrainOptions? options = null,
        GanLoss loss = GanLoss.NonSaturating, double informationWeight = 0)
    {
        options ??= new TrainOptions();
        var device = EpochLoop.Prepare(options, epochs, generator, discriminator);
        using var fixedNoise = randn(options.SnapshotCount, code.Dim, device: device);
        var history = new History();
        int stepsBefore = 0;
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            int e = epoch, before = stepsBefore;
            var metrics = EpochLoop.Run(epoch, train, device, options, Names,
                (x, _) =>
                {
                    var statistics = Step(generator, discriminator, optG, optD, GanImages.FromUnit(x), code, loss, informationWeight);
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
    /// (2) update G. Notebook 04, section 3, writes this step in cells and checks it against this method. With codes and a positive
    /// <paramref name="informationWeight"/>, both losses also carry InfoGAN's information loss on the fakes' codes, read by D's head Q.</summary>
    /// <param name="generator">z [N,code.Dim] to images in [-1,1].</param>
    /// <param name="discriminator">Images to logits [N]; an <see cref="ICodeReader"/> when the information loss is on.</param>
    /// <param name="optG">Optimizer of the generator's parameters.</param>
    /// <param name="optD">Optimizer of the discriminator's parameters (with Q's).</param>
    /// <param name="real">Real images [N,1,28,28] in [-1,1].</param>
    /// <param name="code">Size of z and its codes (an int alone: plain noise).</param>
    /// <param name="loss">The adversarial loss of both updates (<see cref="DiscriminatorLoss"/>, <see cref="GeneratorLoss"/>).</param>
    /// <param name="informationWeight">Weight of <see cref="InformationLoss"/> in both losses; 0 leaves it out.</param>
    /// <exception cref="ArgumentException">The information loss is on but D has no head Q to read codes with.</exception>
    public static Statistics Step(Module<Tensor, Tensor> generator, Module<Tensor, Tensor> discriminator,
        optim.Optimizer optG, optim.Optimizer optD, Tensor real, LatentCode code, GanLoss loss = GanLoss.NonSaturating, double informationWeight = 0)
    {
        bool informed = informationWeight > 0 && code.HasCodes;
        if (informed && discriminator is not ICodeReader)
            throw new ArgumentException($"the information loss needs a discriminator with a head Q ({nameof(ICodeReader)}), e.g. new DcganDiscriminator(codeOutputs: {code.Outputs})", nameof(discriminator));
        var z = randn(real.shape[0], code.Dim, device: real.device);
        var fake = generator.forward(z);
        Func<Tensor, (Tensor Logits, Tensor? Information)> judge = informed
            ? x => { var (logits, codes) = ((ICodeReader)discriminator).Read(x); return (logits, (Tensor?)(informationWeight * InformationLoss(code, codes, z))); }
            : x => (discriminator.forward(x), null);
        var (dReal, dFake, lossD) = UpdateDiscriminator(discriminator, optD, real, fake, loss, judge);
        var lossG = UpdateGenerator(optG, fake, loss, judge);
        return new Statistics(dReal, dFake, lossD, lossG);
    }

    /// <summary>(1) Update D on real images and on the fakes, detached so that G is not updated here.</summary>
    static (Tensor DReal, Tensor DFake, Tensor LossD) UpdateDiscriminator(Module<Tensor, Tensor> discriminator, optim.Optimizer optD, Tensor real, Tensor fake,
        GanLoss loss, Func<Tensor, (Tensor Logits, Tensor? Information)> judge)
    {
        optD.zero_grad();
        var realLogits = discriminator.forward(real);
        var (fakeLogits, information) = judge(fake.detach());
        var lossD = information is null ? DiscriminatorLoss(loss, realLogits, fakeLogits) : DiscriminatorLoss(loss, realLogits, fakeLogits) + information;
        lossD.backward();
        optD.step();
        return (sigmoid(realLogits).mean(), sigmoid(fakeLogits).mean(), lossD);
    }

    /// <summary>(2) Update G through D's verdict on its fakes (and Q's reading of their codes).</summary>
    static Tensor UpdateGenerator(optim.Optimizer optG, Tensor fake, GanLoss loss, Func<Tensor, (Tensor Logits, Tensor? Information)> judge)
    {
        optG.zero_grad();
        var (fakeLogits, information) = judge(fake);
        var lossG = information is null ? GeneratorLoss(loss, fakeLogits) : GeneratorLoss(loss, fakeLogits) + information;
        lossG.backward();
        optG.step();
        return lossG;
    }

    /// <summary>InfoGAN's information loss (Chen et al., 2016): how badly Q reads the codes z was drawn with from the images made of
    /// it. The cross-entropy of Q's category logits against z's category, plus half the squared error of Q's continuous estimates
    /// (a unit-variance Gaussian's negative log-likelihood, up to a constant), averaged over the batch. Minimising it over G and Q
    /// raises a lower bound on the mutual information between the codes and the image: G must draw each category and code so
    /// that they can be told apart.</summary>
    /// <param name="code">Which coordinates of z are codes.</param>
    /// <param name="codeOutputs">Q's outputs [N, code.Outputs]: the category logits, then the continuous estimates.</param>
    /// <param name="z">The codes the images were drawn with [N, code.Dim].</param>
    public static Tensor InformationLoss(LatentCode code, Tensor codeOutputs, Tensor z)
    {
        var categorical = code.Categories > 0 ? functional.cross_entropy(codeOutputs[.., ..code.Categories], code.Category(z)) : zeros(1, device: z.device).sum();
        var continuous = code.Continuous > 0 ? 0.5 * functional.mse_loss(codeOutputs[.., code.Categories..], code.ContinuousCodes(z), reduction: Reduction.Sum) / z.shape[0] : zeros(1, device: z.device).sum();
        return categorical + continuous;
    }

    /// <summary>D's loss from its logits on a real and a fake batch. Non-saturating (Goodfellow et al.): maximise
    /// log D(x) + log(1 − D(G(z))), as binary cross-entropy against 1 for real and 0 for fake. Hinge (Lim and Ye, 2017;
    /// Miyato et al., 2018): mean max(0, 1 − D(x)) + mean max(0, 1 + D(G(z))), so a logit already past its margin of 1
    /// costs nothing and D stops pushing it further.</summary>
    /// <param name="loss">Which loss.</param>
    /// <param name="realLogits">D's logits [N] on real images.</param>
    /// <param name="fakeLogits">D's logits [N] on fakes.</param>
    public static Tensor DiscriminatorLoss(GanLoss loss, Tensor realLogits, Tensor fakeLogits) => loss switch
    {
        GanLoss.NonSaturating => functional.binary_cross_entropy_with_logits(realLogits, ones_like(realLogits))
                               + functional.binary_cross_entropy_with_logits(fakeLogits, zeros_like(fakeLogits)),
        GanLoss.Hinge => functional.relu(1 - realLogits).mean() + functional.relu(1 + fakeLogits).mean(),
        _ => throw new ArgumentOutOfRangeException(nameof(loss), loss, "the loss must be GanLoss.NonSaturating or GanLoss.Hinge"),
    };

    /// <summary>G's loss from D's logits on its fakes. Non-saturating: maximise log D(G(z)) rather than minimise log(1 − D(G(z))),
    /// whose gradient vanishes early on when D rejects every fake. Hinge: −mean D(G(z)), raising D's logit on the fakes.</summary>
    /// <param name="loss">Which loss.</param>
    /// <param name="fakeLogits">D's logits [N] on the fakes, not detached.</param>
    public static Tensor GeneratorLoss(GanLoss loss, Tensor fakeLogits) => loss switch
    {
        GanLoss.NonSaturating => functional.binary_cross_entropy_with_logits(fakeLogits, ones_like(fakeLogits)),
        GanLoss.Hinge => -fakeLogits.mean(),
        _ => throw new ArgumentOutOfRangeException(nameof(loss), loss, "the loss must be GanLoss.NonSaturating or GanLoss.Hinge"),
    };

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
