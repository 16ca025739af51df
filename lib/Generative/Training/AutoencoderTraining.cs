using Generative.Data;
using Generative.Metrics;
using Generative.Models;
using Generative.Plots;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Training;

/// <summary>Trains an autoencoder for reconstruction only (no labels), cached by configuration, with a live chart.</summary>
public static class AutoencoderTraining
{
    /// <summary>Loads or trains <paramref name="model"/> with Adam 1e-3 on per-pixel MSE; the history has the test MSE per epoch as "test_mse".</summary>
    public static History LoadOrTrain(Autoencoder model, Mnist mnist, int epochs, int batchSize, int seed = 0, TextWriter? log = null)
    {
        var config = new { epochs, batchSize, seed, model.CodeSize, train = mnist.TrainImages.shape[0], lr = 1e-3 };
        return Checkpoint.LoadOrTrain(model, model.GetType().Name, config, () =>
        {
            manual_seed(seed);
            var live = LiveCurves.Show($"{model.GetType().Name} (code size {model.CodeSize}) training", "epoch", "MSE per pixel");
            return Trainer.Fit(model, optim.Adam(model.parameters(), 1e-3), mnist.Train(batchSize, seed), epochs,
                (x, _) => nn.functional.mse_loss(model.forward(x), x),
                new TrainOptions
                {
                    Seed = seed,
                    Evaluate = () => new Dictionary<string, double> { ["test_mse"] = Reconstruction.Mse(x => model.forward(x), mnist.Test(1000)) },
                    OnEpoch = e => live.Add(e.Epoch, new Dictionary<string, double> { ["train"] = e.TrainLoss, ["test"] = e.Metrics["test_mse"] }),
                });
        }, log ?? Console.Out);
    }
}
