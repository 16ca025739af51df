using Generative.Data;
using Generative.Metrics;
using Generative.Models;
using Generative.Plots;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Training;

/// <summary>Trains any VAE of the course by maximising the ELBO, as pytorch/examples' vae/main.py does, cached by recipe, with a live chart.</summary>
public static class VaeTraining
{
    /// <summary>Loads or trains <paramref name="vae"/> (built by <paramref name="recipe"/>) on −ELBO summed over the batch; the history has the test −ELBO per epoch as "test_nelbo" (nats/image).</summary>
    public static History LoadOrTrain(VariationalAutoencoder vae, Recipe<VariationalAutoencoder> recipe, Mnist mnist, TextWriter? log = null) =>
        Checkpoint.LoadOrTrain(vae, recipe, mnist, () =>
        {
            var live = LiveCurves.Show($"{vae.GetType().Name} ({vae.LatentDim}-d latent) training", "epoch", "−ELBO, nats per image");
            return recipe.Fit(vae, mnist, (x, _) => Elbo.Loss(vae, x),
                new TrainOptions
                {
                    Reduction = nn.Reduction.Sum,
                    Evaluate = () => new Dictionary<string, double> { ["test_nelbo"] = VaeEvaluation.TestElbo(vae, mnist.Test(1000)).NegElbo },
                    OnEpoch = e => live.Add(e.Epoch, new Dictionary<string, double> { ["train"] = e.TrainLoss, ["test"] = e.Metrics["test_nelbo"] }),
                });
        }, log);
}
