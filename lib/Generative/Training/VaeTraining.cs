using Generative.Data;
using Generative.Metrics;
using Generative.Models;
using Generative.Plots;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Training;

/// <summary>Trains any VAE of the course by maximising the ELBO, as pytorch/examples' vae/main.py does, cached by configuration, with a live chart.</summary>
public static class VaeTraining
{
    /// <summary>Loads or trains <paramref name="vae"/>: Adam 1e-3, loss −ELBO summed over the batch; the history has the test −ELBO per epoch as "test_nelbo" (nats/image).</summary>
    public static History LoadOrTrain<TVae>(TVae vae, Mnist mnist, int epochs, int batchSize, int seed = 0, TextWriter? log = null)
        where TVae : nn.Module, IVariationalAutoencoder
    {
        var config = new { epochs, batchSize, seed, vae.LatentDim, train = mnist.TrainImages.shape[0], lr = 1e-3 };
        return Checkpoint.LoadOrTrain(vae, vae.GetType().Name, config, () =>
        {
            manual_seed(seed);
            var live = LiveCurves.Show($"{vae.GetType().Name} ({vae.LatentDim}-d latent) training", "epoch", "−ELBO, nats per image");
            return Trainer.Fit(vae, optim.Adam(vae.parameters(), 1e-3), mnist.Train(batchSize, seed), epochs,
                (x, _) => Elbo.Loss(vae, x),
                new TrainOptions
                {
                    Seed = seed,
                    Reduction = LossReduction.Sum,
                    Evaluate = () => new Dictionary<string, double> { ["test_nelbo"] = VaeEvaluation.TestElbo(vae, mnist.Test(1000)).NegElbo },
                    OnEpoch = e => live.Add(e.Epoch, new Dictionary<string, double> { ["train"] = e.TrainLoss, ["test"] = e.Metrics["test_nelbo"] }),
                });
        }, log ?? Console.Out);
    }
}
