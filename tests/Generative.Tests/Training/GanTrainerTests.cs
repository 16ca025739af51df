using Generative.Metrics;
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
    public void TheHingeLossChargesOnlyInsideTheMarginAndTheNonSaturatingOneIsCrossEntropy()
    {
        var (real, fake) = (tensor(new[] { 2f, 0.5f, -1f }), tensor(new[] { -3f, -0.5f, 1f }));
        // max(0, 1 - D(x)): 0, 0.5, 2 (mean 5/6); max(0, 1 + D(G(z))): 0, 0.5, 2 (mean 5/6); G: -mean D(G(z)) = 2.5 / 3.
        Assert.Equal(10.0 / 6, GanTrainer.DiscriminatorLoss(GanLoss.Hinge, real, fake).item<float>(), 1e-6);
        Assert.Equal(2.5 / 3, GanTrainer.GeneratorLoss(GanLoss.Hinge, fake).item<float>(), 1e-6);
        double Softplus(double v) => Math.Log(1 + Math.Exp(v));
        double expected = new[] { 2.0, 0.5, -1 }.Average(v => Softplus(-v)) + new[] { -3.0, -0.5, 1 }.Average(Softplus);
        Assert.Equal(expected, GanTrainer.DiscriminatorLoss(GanLoss.NonSaturating, real, fake).item<float>(), 1e-5);
        Assert.Equal(new[] { -3.0, -0.5, 1 }.Average(v => Softplus(-v)), GanTrainer.GeneratorLoss(GanLoss.NonSaturating, fake).item<float>(), 1e-5);
        Assert.Throws<ArgumentOutOfRangeException>(() => GanTrainer.DiscriminatorLoss((GanLoss)7, real, fake));
    }

    [Fact]
    public void AHingeStepReportsTheHingeLossOfTheBatch()
    {
        manual_seed(5);
        var (g, d) = Build("dcgan");
        var real = SmallMnist.Value.TrainImages.narrow(0, 0, 16) * 2 - 1;
        double expected;
        using (no_grad())
        {
            manual_seed(9);
            var fake = g.forward(randn(16, 16));
            expected = GanTrainer.DiscriminatorLoss(GanLoss.Hinge, d.forward(real), d.forward(fake)).item<float>();
            Assert.True(Math.Abs(expected - GanTrainer.DiscriminatorLoss(GanLoss.NonSaturating, d.forward(real), d.forward(fake)).item<float>()) > 1e-3);
        }
        manual_seed(9);
        var statistics = GanTrainer.Step(g, d, optim.Adam(g.parameters(), 2e-4), optim.Adam(d.parameters(), 2e-4), real, 16, GanLoss.Hinge);
        Assert.Equal(expected, statistics.LossD.item<float>(), 1e-5);
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
        using (var samples = GanTraining.Sample(g, 50, 16, seed: 1))
            Assert.Equal(ClassifierScore.Compute(classifier, samples), first[GanTraining.Score], 1e-9);
        using (no_grad())
            foreach (var p in g.parameters()) p.add_(0.5);
        Assert.NotEqual(first[GanTraining.FrechetDistance], evaluate()[GanTraining.FrechetDistance]);
        Assert.Throws<ArgumentOutOfRangeException>(() => GanTraining.ScoreEachEpoch(classifier, g, 16, test, samples: (int)test.shape[0] + 1));
    }

    [Fact]
    public void SamplesAreTheDecodedCodesOfTheSameSeedAndLongerRunsExtendShorterOnes()
    {
        manual_seed(1);
        using var g = new MlpGenerator(16, hidden: 64);
        using var codes = GanTraining.Codes(1200, 16, seed: 2);
        using var shorter = GanTraining.Codes(500, 16, seed: 2);
        using var samples = GanTraining.Sample(g, 1200, 16, seed: 2);
        using var decoded = GanTraining.Decode(g, codes);
        Assert.True(codes[..500].allclose(shorter, rtol: 0, atol: 0));
        Assert.True(samples.allclose(decoded, atol: 1e-6));
    }

    [Fact]
    public void TheInformationLossIsTheCategorysCrossEntropyPlusHalfTheContinuousCodesSquaredError()
    {
        var code = new LatentCode(6, Categories: 3, Continuous: 1);
        // categories 0 and 2; continuous codes erf(0) = 0 and erf(-1/√2) = -0.6827
        using var z = tensor(new float[,] { { 0.3f, 0.1f, 2, -1, 0, 0 }, { -0.2f, 0.4f, 0, 0, 1, -1 } });
        using var q = tensor(new float[,] { { 2, 0, 0, 1 }, { 0, 1, 0, -1.682689f } });
        double ce0 = -Math.Log(Math.Exp(2) / (Math.Exp(2) + 2)), ce1 = -Math.Log(1 / (Math.E + 2));
        double expected = (ce0 + ce1) / 2 + 0.5 * (1 * 1 + 1 * 1) / 2;
        Assert.Equal(expected, GanTrainer.InformationLoss(code, q, z).item<float>(), 5);
    }

    [Fact]
    public void WithCodesQLearnsToReadTheCategoryOfAFakeAndWithoutAHeadQTheStepSaysWhatIsMissing()
    {
        manual_seed(3);
        var code = new LatentCode(16, Categories: 4, Continuous: 1);
        var (g, d) = (new DcganGenerator(code, ngf: 16), new DcganDiscriminator(ndf: 16, codeOutputs: code.Outputs));
        GanTrainer.Fit(g, d, optim.Adam(g.parameters(), 1e-3, 0.5), optim.Adam(d.parameters(), 1e-3, 0.5), SmallMnist.Train(512, 32), 4, code,
            new TrainOptions { Seed = 3 }, GanLoss.Hinge, informationWeight: 1);
        using var z = randn(512, 16, generator: new Generator(8));
        Tensor read;
        using (no_grad()) read = d.Read(g.forward(z)).Codes[.., ..4].argmax(1);
        double accuracy = read.eq(code.Category(z)).to_type(ScalarType.Float32).mean().item<float>();
        Assert.True(accuracy > 0.6, $"Q read the category of {accuracy:P0} of the fakes; chance is 25 %");

        var real = SmallMnist.Value.TrainImages.narrow(0, 0, 8) * 2 - 1;
        var plain = new DcganDiscriminator(ndf: 16);
        var error = Assert.Throws<InvalidOperationException>(() => GanTrainer.Step(g, plain, optim.Adam(g.parameters(), 1e-3), optim.Adam(plain.parameters(), 1e-3), real, code, informationWeight: 1));
        Assert.Contains("codeOutputs", error.Message);
        var mlp = new MlpDiscriminator();
        Assert.Contains("codeOutputs: 5", Assert.Throws<ArgumentException>(() => GanTrainer.Step(g, mlp, optim.Adam(g.parameters(), 1e-3), optim.Adam(mlp.parameters(), 1e-3), real, code, informationWeight: 1)).Message);
    }
}
