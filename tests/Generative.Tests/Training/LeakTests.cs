using Generative.Models;
using Generative.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Tests.Training;

/// <summary>Runs alone: torch's live-tensor count is process-wide.</summary>
[Collection(nameof(SerialTorch))]
public class LeakTests
{
    /// <summary>Other tests' undisposed tensors would otherwise be finalised mid-test and lower the count.</summary>
    public LeakTests()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    [Fact]
    public void LiveTensorCountStaysFlatAcrossTrainingSteps()
    {
        manual_seed(0);
        var m = new Vae(hiddenDim: 64, latentDim: 4);
        var opt = optim.Adam(m.parameters());
        var counts = new List<long>();
        Trainer.Fit(m, opt, SmallMnist.Train(512, 32), 2, (x, _) => Elbo.Loss(m, x),
            new TrainOptions { OnStep = _ => counts.Add(Tensor.TotalCount) });
        var again = SmallMnist.Train(512, 32);
        var before = Tensor.TotalCount;
        Trainer.Fit(m, opt, again, 2, (x, _) => Elbo.Loss(m, x));
        Assert.Equal(32, counts.Count);
        // After the first step (which creates the optimizer's state) every step ends with the same number of live tensors.
        Assert.Single(counts.Skip(1).Distinct());
        Assert.Equal(before, Tensor.TotalCount);
    }

    [Fact]
    public void GanLoopDoesNotLeakTensors()
    {
        manual_seed(0);
        var g = new DcganGenerator(16, 8);
        var d = new DcganDiscriminator(DcganDiscriminator.MinimumWidth);
        var optG = optim.Adam(g.parameters(), 2e-4, 0.5, 0.999);
        var optD = optim.Adam(d.parameters(), 2e-4, 0.5, 0.999);
        var counts = new List<long>();
        GanTrainer.Fit(g, d, optG, optD, SmallMnist.Train(256, 32), 2, 16, new TrainOptions { OnStep = _ => counts.Add(Tensor.TotalCount) });
        var again = SmallMnist.Train(256, 32);
        var before = Tensor.TotalCount;
        GanTrainer.Fit(g, d, optG, optD, again, 1, 16);
        Assert.Single(counts.Skip(1).Distinct());
        Assert.Equal(before, Tensor.TotalCount);
    }
}
