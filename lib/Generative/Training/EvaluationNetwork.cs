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
    /// <summary>Loads the classifier trained with <paramref name="recipe"/> (default <see cref="Recipes.Classifier"/>) on this training set,
    /// or trains it on cross-entropy with a live loss/accuracy chart.</summary>
    public static Classifier LoadOrTrain(Mnist mnist, Recipe<Classifier>? recipe = null, TextWriter? log = null)
    {
        recipe ??= Recipes.Classifier;
        var model = recipe.Build();
        var display = new TrainingDisplay("Classifier training", "epoch", "loss / error",
            e => new Dictionary<string, double> { ["train loss"] = e.TrainLoss, ["test error"] = e.Metrics["test_error"] });
        Checkpoint.LoadOrTrain(model, recipe, mnist, () =>
            recipe.Fit(model, mnist, (x, y) => nn.functional.cross_entropy(model.forward(x), y),
                new TrainOptions
                {
                    Evaluate = () => new Dictionary<string, double> { ["test_error"] = 1 - Classification.Accuracy(model, mnist.Test(1000)) },
                    OnEpoch = display.Epoch,
                }), log, display);
        return model;
    }
}
