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
    /// <summary>Loads or trains <paramref name="vae"/> (built by <paramref name="recipe"/>) on −ELBO summed over the batch; the history has,
    /// per epoch on 1000 test images, the −ELBO as "test_nelbo" and its two terms as "test_reconstruction" (−E_q log p(x|z)) and "test_kl"
    /// (KL(q‖p)), all in nats per image.</summary>
    public static History LoadOrTrain(VariationalAutoencoder vae, Recipe<VariationalAutoencoder> recipe, Mnist mnist, TextWriter? log = null)
    {
        var display = new TrainingDisplay($"{vae.GetType().Name} ({vae.LatentDim}-d latent) training", "epoch", "−ELBO, nats per image",
            e => new Dictionary<string, double> { ["train"] = e.TrainLoss, ["test"] = e.Metrics["test_nelbo"] });
        return Checkpoint.LoadOrTrain(vae, recipe, mnist, () =>
            recipe.Fit(vae, mnist, (x, _) => Elbo.Loss(vae, x),
                new TrainOptions
                {
                    Reduction = nn.Reduction.Sum,
                    Evaluate = () =>
                    {
                        var test = VaeEvaluation.TestElbo(vae, mnist.Test(1000));
                        return new Dictionary<string, double> { ["test_nelbo"] = test.NegElbo, ["test_reconstruction"] = test.Reconstruction, ["test_kl"] = test.Kl };
                    },
                    OnEpoch = display.Epoch,
                }), log, display);
    }
}
