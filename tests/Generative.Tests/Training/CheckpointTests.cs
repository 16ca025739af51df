using Generative.Models;
using Generative.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Tests.Training;

/// <summary>Serial: the tests point $GENERATIVE_CHECKPOINTS at their own folder.</summary>
[Collection(nameof(SerialTorch))]
public sealed class CheckpointTests : IDisposable
{
    readonly string dir = Path.Combine(Path.GetTempPath(), $"ckpt-tests-{Guid.NewGuid():N}");
    readonly string? previous = Environment.GetEnvironmentVariable("GENERATIVE_CHECKPOINTS");

    public CheckpointTests() => Environment.SetEnvironmentVariable("GENERATIVE_CHECKPOINTS", dir);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("GENERATIVE_CHECKPOINTS", previous);
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }

    static void AssertSameWeights(nn.Module a, nn.Module b)
    {
        var sa = a.state_dict();
        var sb = b.state_dict();
        Assert.Equal(sa.Keys, sb.Keys);
        foreach (var k in sa.Keys) Assert.True(sa[k].shape.SequenceEqual(sb[k].shape) && sa[k].eq(sb[k]).all().item<bool>(), $"{k} differs");
    }

    static History FakeTraining(nn.Module m, ref int calls)
    {
        calls++;
        using (no_grad())
            foreach (var p in m.parameters()) p.add_(1);  // a recognisable change standing in for training
        return new History { Epochs = [new EpochMetrics(1, 1.25, new Dictionary<string, double> { [Trainer.Loss] = 0.5 }, new Dictionary<string, double> { ["acc"] = 0.99 })] };
    }

    [Fact]
    public void SaveThenLoadRestoresEveryWeightAndBuffer()
    {
        var a = new DcganGenerator(16, 8);
        a.forward(randn(4, 16)).Dispose();  // moves BatchNorm's running statistics, which are state too
        var path = Path.Combine(dir, "g.ckpt");
        Checkpoint.Save(a, path);
        var b = new DcganGenerator(16, 8);
        Assert.True(Checkpoint.TryLoad(b, path, out var error), error);
        AssertSameWeights(a, b);
    }

    [Fact]
    public void LoadOrTrainTrainsOnceThenLoadsWithItsHistory()
    {
        var config = new { epochs = 3, lr = 1e-3 };
        int calls = 0;
        var first = new Classifier();
        var h1 = Checkpoint.LoadOrTrain(first, "classifier", config, () => FakeTraining(first, ref calls));
        var second = new Classifier();
        var log = new StringWriter();
        var h2 = Checkpoint.LoadOrTrain(second, "classifier", config, () => FakeTraining(second, ref calls), log);
        Assert.Equal(1, calls);
        AssertSameWeights(first, second);
        Assert.Equal(h1.TrainLoss, h2.TrainLoss);
        Assert.Equal([0.99], h2.Metric("acc"));
        Assert.Contains("Loaded classifier", log.ToString());

        var third = new Classifier();
        Checkpoint.LoadOrTrain(third, "classifier", config with { epochs = 4 }, () => FakeTraining(third, ref calls));
        Assert.Equal(2, calls);  // a different configuration is a different checkpoint
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("truncate")]
    [InlineData("garbage")]
    [InlineData("history")]
    public void CorruptCheckpointIsRetrainedWithAWarning(string damage)
    {
        var config = new { seed = 1 };
        int calls = 0;
        var m = new LinearAutoencoder(4);
        Checkpoint.LoadOrTrain(m, "ae", config, () => FakeTraining(m, ref calls));
        var path = Checkpoint.PathFor(m, "ae", config);
        var bytes = File.ReadAllBytes(path);
        switch (damage)
        {
            case "flip": bytes[^10] ^= 0xFF; File.WriteAllBytes(path, bytes); break;
            case "truncate": File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]); break;
            case "garbage": File.WriteAllBytes(path, [1, 2, 3]); break;
            case "history": File.WriteAllText(Path.ChangeExtension(path, ".history.json"), "{ not json"); break;
        }
        var again = new LinearAutoencoder(4);
        var log = new StringWriter();
        Checkpoint.LoadOrTrain(again, "ae", config, () => FakeTraining(again, ref calls), log);
        Assert.Equal(2, calls);
        Assert.Contains("Warning", log.ToString());
        var fresh = new LinearAutoencoder(4);
        Assert.True(Checkpoint.TryLoad(fresh, path, out var error), error);  // the retrained model was saved over the damaged file
        AssertSameWeights(again, fresh);
    }

    [Fact]
    public void MismatchedShapesAreRejectedAndLeaveTheModelUntouched()
    {
        var path = Path.Combine(dir, "vae.ckpt");
        Checkpoint.Save(new Vae(hiddenDim: 32), path);
        var other = new Vae(hiddenDim: 16);
        var before = other.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.clone());
        Assert.False(Checkpoint.TryLoad(other, path, out var error));
        Assert.Contains("do not match", error);
        foreach (var (k, v) in other.state_dict()) Assert.True(v.eq(before[k]).all().item<bool>(), $"{k} was changed");
    }

    [Fact]
    public void GanPairAndItsSnapshotsRoundTrip()
    {
        var config = new { epochs = 1 };
        int calls = 0;
        History Train(nn.Module g, nn.Module d)
        {
            calls++;
            using (no_grad()) foreach (var p in g.parameters().Concat(d.parameters())) p.add_(1);
            using var images = rand(4, 1, 28, 28);
            return new History
            {
                Epochs = [new EpochMetrics(1, 2.0, new Dictionary<string, double> { [GanTrainer.DReal] = 0.8, [GanTrainer.LossD] = 1.1 }, new Dictionary<string, double>())],
                Snapshots = [GanSnapshot.From(1, 10, images)],
            };
        }
        var (g1, d1) = (new DcganGenerator(16, 8), new DcganDiscriminator(DcganDiscriminator.MinimumWidth));
        var h1 = Checkpoint.LoadOrTrain([g1, d1], "dcgan", config, () => Train(g1, d1));
        var (g2, d2) = (new DcganGenerator(16, 8), new DcganDiscriminator(DcganDiscriminator.MinimumWidth));
        var h2 = Checkpoint.LoadOrTrain([g2, d2], "dcgan", config, () => Train(g2, d2));
        Assert.Equal(1, calls);
        AssertSameWeights(g1, g2);
        AssertSameWeights(d1, d2);
        Assert.Equal(h1.Metric(GanTrainer.DReal), h2.Metric(GanTrainer.DReal));
        Assert.Equal(h1.Metric(GanTrainer.LossD), h2.Metric(GanTrainer.LossD));
        Assert.Equal(h1.Snapshots[0].Pixels, h2.Snapshots[0].Pixels);
    }

    [Fact]
    public void ArchitectureChangesThatKeepEveryShapeChangeTheKey()
    {
        var config = new { epochs = 1 };
        nn.Module Net(nn.Module<Tensor, Tensor> activation) => nn.Sequential(nn.Linear(4, 4), activation, nn.Linear(4, 1));
        var paths = new[] { Net(nn.LeakyReLU(0.2)), Net(nn.LeakyReLU(0.1)), Net(nn.ReLU()), Net(nn.Tanh()) }
            .Select(m => Checkpoint.PathFor(m, "net", config)).ToList();
        Assert.Equal(paths.Count, paths.Distinct().Count());
        Assert.Equal(paths[0], Checkpoint.PathFor(Net(nn.LeakyReLU(0.2)), "net", config));
    }
}
