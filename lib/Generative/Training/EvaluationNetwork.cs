using Generative.Data;
using Generative.Metrics;
using Generative.Models;
using Generative.Plots;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Training;

/// <summary>The course's evaluation network: the notebook-01 classifier, trained once and reused by later notebooks from the checkpoint cache.</summary>
public static class EvaluationNetwork
{
    /// <summary>Loads the classifier trained with these settings on this training set, or trains it with a live loss/accuracy chart:
    /// cross-entropy, Adam 1e-3 with the learning rate multiplied by 0.7 after each epoch (pytorch/examples' mnist schedule).</summary>
    public static Classifier LoadOrTrain(Mnist mnist, int epochs, int batchSize = 64, int seed = 0, TextWriter? log = null)
    {
        const double gamma = 0.7;
        var model = new Classifier();
        var config = new { epochs, batchSize, seed, train = mnist.TrainImages.shape[0], lr = 1e-3, gamma };
        Checkpoint.LoadOrTrain(model, "classifier", config, () =>
        {
            manual_seed(seed);
            var live = LiveCurves.Show("Classifier training", "epoch", "loss / error");
            var optimizer = optim.Adam(model.parameters(), 1e-3);
            var schedule = optim.lr_scheduler.StepLR(optimizer, 1, gamma);
            return Trainer.Fit(model, optimizer, mnist.Train(batchSize, seed), epochs,
                (x, y) => nn.functional.cross_entropy(model.forward(x), y),
                new TrainOptions
                {
                    Seed = seed,
                    Evaluate = () => new Dictionary<string, double> { ["test_error"] = 1 - Classification.Accuracy(model, mnist.Test(1000)) },
                    OnEpoch = e =>
                    {
                        schedule.step();
                        live.Add(e.Epoch, new Dictionary<string, double> { ["train loss"] = e.TrainLoss, ["test error"] = e.Metrics["test_error"] });
                    },
                });
        }, log ?? Console.Out);
        return model;
    }
}
