using Generative.Models;
using Generative.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Tests.Training;

/// <summary>Same seed, same numbers; runs alone so no other test draws from torch's global generator meanwhile.</summary>
[Collection(nameof(SerialTorch))]
public class DeterminismTests
{
    [Fact]
    public void SameSeedGivesIdenticalLosses()
    {
        double[] Run()
        {
            manual_seed(42);
            var m = new Vae(hiddenDim: 64, latentDim: 8);
            var steps = new List<double>();
            var h = Trainer.Fit(m, optim.Adam(m.parameters()), SmallMnist.Train(192), 2, (x, _) => Elbo.Loss(m, x),
                new TrainOptions { Seed = 1, Reduction = nn.Reduction.Sum, OnStep = s => steps.Add(s.Loss) });
            return [.. steps, .. h.TrainLoss];
        }
        Assert.Equal(Run(), Run());
    }

    [Fact]
    public void SameSeedGivesIdenticalGanRuns()
    {
        var a = new List<StepMetrics>();
        var b = new List<StepMetrics>();
        var ha = GanTrainerTests.Fit("dcgan", a, count: 128);
        var hb = GanTrainerTests.Fit("dcgan", b, count: 128);
        Assert.Equal(a.SelectMany(s => s.Values.Values), b.SelectMany(s => s.Values.Values));
        Assert.Equal(ha.Snapshots[^1].Pixels, hb.Snapshots[^1].Pixels);
    }
}
