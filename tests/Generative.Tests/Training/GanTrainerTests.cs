using Generative.Models;
using Generative.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Tests.Training;

/// <summary>Runs with the other seeded tests: a test running beside it would draw from torch's global generator between
/// <c>manual_seed</c> and the draws this test compares, as tests in parallel collections do.</summary>
[Collection(nameof(SerialTorch))]
public class GanTrainerTests
{
    public static TheoryData<string> Families => new() { "mlp", "dcgan" };

    static (nn.Module<Tensor, Tensor> G, nn.Module<Tensor, Tensor> D) Build(string family) => family == "mlp"
        ? (new MlpGenerator(16, hidden: 256), new MlpDiscriminator())
        : (new DcganGenerator(16, ngf: 16), new DcganDiscriminator(ndf: 16));

    internal static History Fit(string family, List<StepMetrics> steps, int epochs = 1, int count = 512, int seed = 3)
    {
        manual_seed(seed);
        var (g, d) = Build(family);
        var optG = optim.Adam(g.parameters(), 2e-4, 0.5, 0.999);
        var optD = optim.Adam(d.parameters(), 2e-4, 0.5, 0.999);
        return GanTrainer.Fit(g, d, optG, optD, SmallMnist.Train(count, 32), epochs, 16,
            new TrainOptions { Seed = seed, SnapshotCount = 9, SnapshotEverySteps = 8, OnStep = steps.Add });
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void DiscriminatorLearnsToTellRealFromFakeAndSamplesStayFinite(string family)
    {
        var steps = new List<StepMetrics>();
        var h = Fit(family, steps);
        Assert.Equal(16, steps.Count);
        // At the start D cannot tell: loss ~ 2 ln 2. Its first steps must bring the loss down and separate D(x) from D(G(z)).
        double first = steps[0].Values[GanTrainer.LossD], late = steps.Skip(12).Average(s => s.Values[GanTrainer.LossD]);
        Assert.InRange(first, 1.0, 1.8);
        Assert.True(late < first, $"{family}: loss D went from {first} to {late}");
        Assert.True(steps.Skip(12).Average(s => s.Values[GanTrainer.DReal] - s.Values[GanTrainer.DFake]) > 0, $"{family}: D(x) not above D(G(z))");
        Assert.All(steps, s => Assert.True(double.IsFinite(s.Values[GanTrainer.LossG]), "non-finite generator loss"));

        var e = Assert.Single(h.Epochs);
        Assert.Equal(steps.Average(s => s.Values[GanTrainer.LossD]), e.Train[GanTrainer.LossD], 1e-6);
        Assert.Equal([8, 16], h.Snapshots.Select(s => s.Step));
        using var images = h.Snapshots[^1].Images();
        Assert.Equal(new long[] { 9, 1, 28, 28 }, images.shape);
        Assert.True(images.isfinite().all().item<bool>() && images.min().item<float>() >= 0 && images.max().item<float>() <= 1);
    }

    [Fact]
    public void WithLabelSmoothingDsLossScoresRealImagesAgainstTheRealLabel()
    {
        manual_seed(5);
        var (g, d) = Build("dcgan");
        var real = SmallMnist.Value.TrainImages.narrow(0, 0, 16) * 2 - 1;
        double Expected(double label)
        {
            using var noGrad = no_grad();
            manual_seed(9);
            var fake = g.forward(randn(16, 16));
            var (r, f) = (d.forward(real), d.forward(fake));
            return (nn.functional.binary_cross_entropy_with_logits(r, full_like(r, label))
                  + nn.functional.binary_cross_entropy_with_logits(f, zeros_like(f))).item<float>();
        }
        double smoothed = Expected(0.9), plain = Expected(1);
        Assert.True(Math.Abs(smoothed - plain) > 1e-3, $"the real label should change the loss: {smoothed} vs {plain}");
        manual_seed(9);
        var statistics = GanTrainer.Step(g, d, optim.Adam(g.parameters(), 2e-4), optim.Adam(d.parameters(), 2e-4), real, 16, realLabel: 0.9);
        Assert.Equal(smoothed, statistics.LossD.item<float>(), 1e-5);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void ARealLabelOutsideHalfToOneIsRefused(double label)
    {
        var (g, d) = Build("mlp");
        var real = SmallMnist.Value.TrainImages.narrow(0, 0, 4) * 2 - 1;
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            GanTrainer.Step(g, d, optim.Adam(g.parameters(), 2e-4), optim.Adam(d.parameters(), 2e-4), real, 16, label));
        Assert.Contains("(0.5, 1]", e.Message);
    }

    [Fact]
    public void ScoringEachEpochDrawsTheSameCodesEveryTimeFromTheGeneratorGiven()
    {
        manual_seed(1);
        using var classifier = new Classifier();
        using var g = new MlpGenerator(16, hidden: 64);
        var test = SmallMnist.Value.TestImages;
        var evaluate = GanTraining.ScoreEachEpoch(classifier, g, 16, test, samples: 50);
        var (first, again) = (evaluate(), evaluate());
        Assert.Equal(first[GanTraining.Score], again[GanTraining.Score]);
        Assert.Equal(first[GanTraining.FrechetDistance], again[GanTraining.FrechetDistance]);
        Assert.InRange(first[GanTraining.Score], 1, 10);
        Assert.True(first[GanTraining.FrechetDistance] > 0);
        using (no_grad())
            foreach (var p in g.parameters()) p.add_(0.5);
        Assert.NotEqual(first[GanTraining.FrechetDistance], evaluate()[GanTraining.FrechetDistance]);
        Assert.Throws<ArgumentOutOfRangeException>(() => GanTraining.ScoreEachEpoch(classifier, g, 16, test, samples: (int)test.shape[0] + 1));
    }
}
