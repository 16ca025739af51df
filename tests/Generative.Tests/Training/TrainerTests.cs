using Generative.Models;
using Generative.Training;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Generative.Tests.Training;

/// <summary>Runs with the other seeded tests: a test running beside it would draw from torch's global generator between
/// <c>manual_seed</c> and the draws this test compares, as tests in parallel collections do.</summary>
[Collection(nameof(SerialTorch))]
public class TrainerTests
{
    static History Train(nn.Module model, Func<Tensor, Tensor, Tensor> loss, int epochs = 3, int count = 256,
        nn.Reduction reduction = nn.Reduction.Mean, Action<StepMetrics>? onStep = null, double lr = 1e-3)
    {
        var opt = optim.Adam(model.parameters(), lr);
        return Trainer.Fit(model, opt, SmallMnist.Train(count), epochs, loss,
            new TrainOptions { Seed = 1, Reduction = reduction, OnStep = onStep });
    }

    static void AssertLossFalls(History h, string what)
    {
        var l = h.TrainLoss;
        Assert.All(l, v => Assert.True(double.IsFinite(v), $"{what}: non-finite epoch loss"));
        Assert.True(l[^1] < l[0], $"{what}: loss did not fall: {string.Join(", ", l)}");
    }

    [Fact]
    public void ClassifierLossFalls()
    {
        manual_seed(0);
        var m = new Classifier();
        AssertLossFalls(Train(m, (x, y) => functional.cross_entropy(m.forward(x), y)), "classifier");
    }

    [Fact]
    public void EveryAutoencoderLossFalls()
    {
        manual_seed(0);
        foreach (Autoencoder m in new Autoencoder[] { new LinearAutoencoder(16), new DeepAutoencoder(16), new ConvAutoencoder(16) })
            AssertLossFalls(Train(m, (x, _) => functional.mse_loss(m.forward(x), x)), m.GetType().Name);
    }

    [Fact]
    public void EveryVaeLossFalls()
    {
        manual_seed(0);
        foreach (var m in new nn.Module<Tensor, (Tensor, Tensor, Tensor)>[] { new Vae(), new GaussianVae(), new DeepVae() })
        {
            var vae = (VariationalAutoencoder)m;
            AssertLossFalls(Train(m, (x, _) => Elbo.Loss(vae, x), reduction: nn.Reduction.Sum), m.GetType().Name);
        }
    }

    [Fact]
    public void SumAndMeanReductionsBothGiveLossPerExample()
    {
        manual_seed(0);
        var m = new Vae(hiddenDim: 50, latentDim: 4);
        var a = Train(m, (x, _) => Elbo.Loss(m, x), epochs: 1, count: 100, reduction: nn.Reduction.Sum, lr: 0);
        manual_seed(0);
        var m2 = new Vae(hiddenDim: 50, latentDim: 4);
        var b = Train(m2, (x, _) => Elbo.Loss(m2, x) / x.shape[0], epochs: 1, count: 100, reduction: nn.Reduction.Mean, lr: 0);
        Assert.Equal(a.TrainLoss[0], b.TrainLoss[0], a.TrainLoss[0] * 1e-6);
        Assert.InRange(a.TrainLoss[0], 400, 700);  // an untrained Bernoulli VAE costs ~ 784 * ln 2 = 543 nats per image
    }

    [Fact]
    public void NonFiniteLossNamesEpochAndStep()
    {
        manual_seed(0);
        var m = new LinearAutoencoder(4);
        int calls = 0;
        var ex = Assert.Throws<TrainingDivergedException>(() => Train(m, (x, _) =>
        {
            var loss = functional.mse_loss(m.forward(x), x);
            return ++calls == 4 + 3 ? loss * double.NaN : loss;  // 4 steps per epoch: epoch 2, step 3
        }, epochs: 3));
        Assert.Equal((2, 3), (ex.Epoch, ex.Step));
        Assert.Contains("epoch 2, step 3", ex.Message);
    }

    [Fact]
    public void TrainsInTrainModeEvaluatesInEvalMode()
    {
        manual_seed(0);
        var m = new Classifier();
        var modesInSteps = new HashSet<bool>();
        var modesInEval = new HashSet<bool>();
        var opt = optim.SGD(m.parameters(), 0.01);
        var h = Trainer.Fit(m, opt, SmallMnist.Train(128), 2, (x, y) => { modesInSteps.Add(m.training); return functional.cross_entropy(m.forward(x), y); },
            new TrainOptions { Evaluate = () => { modesInEval.Add(m.training); return new Dictionary<string, double> { ["grad"] = is_grad_enabled() ? 1 : 0 }; } });
        Assert.Equal([true], modesInSteps);
        Assert.Equal([false], modesInEval);
        Assert.False(m.training);
        Assert.Equal([0.0, 0.0], h.Metric("grad"));
    }

    [Fact]
    public void RunsOnTheDeviceTheOptionsName()
    {
        manual_seed(0);
        var m = new LinearAutoencoder(4);
        var seen = new HashSet<DeviceType>();
        var opt = optim.Adam(m.parameters());
        Trainer.Fit(m, opt, SmallMnist.Train(64), 1, (x, _) => { seen.Add(x.device_type); return functional.mse_loss(m.forward(x), x); },
            new TrainOptions { Device = CPU });
        Assert.Equal([DeviceType.CPU], seen);
        Assert.Equal(DeviceType.CPU, Trainer.DeviceOf(m).type);
    }
}
