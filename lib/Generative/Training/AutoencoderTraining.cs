using Generative.Data;
using Generative.Metrics;
using Generative.Models;
using Generative.Plots;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Training;

/// <summary>Trains an autoencoder for reconstruction only (no labels), cached by recipe, with a live chart.</summary>
public static class AutoencoderTraining
{
    /// <summary>Loads or trains <paramref name="model"/> (built by <paramref name="recipe"/>) on per-pixel MSE; the history has the test MSE per epoch as "test_mse".</summary>
    public static History LoadOrTrain(Autoencoder model, Recipe<Autoencoder> recipe, Mnist mnist, TextWriter? log = null)
    {
        var display = new TrainingDisplay($"{model.GetType().Name} (code size {model.CodeSize}) training", "epoch", "MSE per pixel",
            e => new Dictionary<string, double> { ["train"] = e.TrainLoss, ["test"] = e.Metrics["test_mse"] });
        return Checkpoint.LoadOrTrain(model, recipe, mnist, () =>
            recipe.Fit(model, mnist, (x, _) => nn.functional.mse_loss(model.forward(x), x),
                new TrainOptions
                {
                    Evaluate = () => new Dictionary<string, double> { ["test_mse"] = Reconstruction.Mse(x => model.forward(x), mnist.Test(1000)) },
                    OnEpoch = display.Epoch,
                }), log, display);
    }
}
