using Generative.Data;
using Generative.Experiments;
using Generative.Latent;
using Generative.Models;
using Generative.Training;
using static TorchSharp.torch;

namespace Generative.Tests.Training;

/// <summary>A tiny run of every course recipe through the same entry points the notebooks call; serial because the runs
/// point $GENERATIVE_CHECKPOINTS at their own folder and seed torch's global generator.</summary>
[Collection(nameof(SerialTorch))]
[Trait("Category", "Slow")]
public sealed class RecipeRunTests : TinyRecipeRuns
{
    /// <summary>Trains once, then loads: the second call must not train and must give back the same history.</summary>
    static History TrainThenLoad(Func<TextWriter, History> loadOrTrain)
    {
        var first = new StringWriter();
        var trained = loadOrTrain(first);
        Assert.Contains("Trained", first.ToString());
        var second = new StringWriter();
        var loaded = loadOrTrain(second);
        Assert.Contains("Loaded", second.ToString());
        Assert.Equal(trained.Epochs.Select(e => e.Seconds), loaded.Epochs.Select(e => e.Seconds));
        return trained;
    }

    [Fact]
    public void AutoencoderTraining()
    {
        var recipe = Recipes.DeepAutoencoder with { Epochs = 1 };
        var h = TrainThenLoad(log => Generative.Training.AutoencoderTraining.LoadOrTrain(recipe.Build(), recipe, Tiny.Value, log));
        // Predicting all black costs the mean squared pixel, about 0.1; one epoch on 256 digits does not do much better.
        Assert.InRange(Assert.Single(h.Metric("test_mse")), 0.01, 0.3);
    }

    [Fact]
    public void VaeTraining()
    {
        var recipe = Recipes.Vae with { Epochs = 1 };
        var h = TrainThenLoad(log => Generative.Training.VaeTraining.LoadOrTrain(recipe.Build(), recipe, Tiny.Value, log));
        // An untrained Bernoulli decoder costs about 784 ln 2 = 543 nats per image; a perfect one costs the data's entropy, far above 50.
        Assert.InRange(Assert.Single(h.Metric("test_nelbo")), 50, 600);
    }

    /// <summary>A decay of 0 stops learning after the first epoch, so a second epoch leaves the weights where the first
    /// left them; without the schedule (decay 1) it moves them. Fails if a recipe's decay is ignored.</summary>
    [Fact]
    public void VaeTrainingAppliesTheRecipesLearningRateDecay()
    {
        Tensor[] Weights(Recipe<VariationalAutoencoder> recipe)
        {
            manual_seed(0);
            var vae = recipe.Build();
            Generative.Training.VaeTraining.LoadOrTrain(vae, recipe, Tiny.Value, TextWriter.Null);
            return vae.parameters().Select(p => p.detach().clone()).ToArray();
        }
        var baseRecipe = Recipes.Vae with { Epochs = 1, LearningRateDecay = 0 };
        var once = Weights(baseRecipe);
        var stopped = Weights(baseRecipe with { Epochs = 2 });
        var kept = Weights(baseRecipe with { Epochs = 2, LearningRateDecay = 1 });
        Assert.All(once.Zip(stopped), p => Assert.True(p.First.eq(p.Second).all().item<bool>(), "with decay 0 the second epoch must not move the weights"));
        Assert.Contains(once.Zip(kept), p => !p.First.eq(p.Second).all().item<bool>());
    }

    [Fact]
    public void GanTraining()
    {
        var recipe = Recipes.MlpGan with { Epochs = 1 };
        var h = TrainThenLoad(log => Generative.Training.GanTraining.LoadOrTrain(recipe.BuildGenerator(), recipe.BuildDiscriminator(), recipe, Tiny.Value,
            recipe.GeneratorAverageDecay > 0 ? recipe.BuildGenerator() : null, log));
        var epoch = Assert.Single(h.Epochs);
        Assert.Equal([GanTrainer.DReal, GanTrainer.DFake, GanTrainer.LossD, GanTrainer.LossG], epoch.Train.Keys);
        Assert.True(epoch.Train[GanTrainer.DReal] > epoch.Train[GanTrainer.DFake], "D must already rate real digits above fakes");
        Assert.NotEmpty(h.Snapshots);
    }

    [Fact]
    public void AGanTrainedWithAPerEpochEvaluationKeepsItAndOneTrainedWithoutIsRefusedWhenOneIsAsked()
    {
        var recipe = Recipes.Dcgan with { Epochs = 1, BatchSize = 64 };
        var averaged = recipe.BuildGenerator();
        using var classifier = new Classifier();
        var evaluate = Generative.Training.GanTraining.ScoreEachEpoch(classifier, averaged, recipe.LatentDim, Tiny.Value.TestImages, samples: 20);
        var h = Generative.Training.GanTraining.LoadOrTrain(recipe.BuildGenerator(), recipe.BuildDiscriminator(), recipe, Tiny.Value, averaged, TextWriter.Null, evaluate);
        Assert.Equal([Generative.Training.GanTraining.Score, Generative.Training.GanTraining.FrechetDistance], Assert.Single(h.Epochs).Metrics.Keys);
        var without = recipe with { Seed = 1 };
        Generative.Training.GanTraining.LoadOrTrain(without.BuildGenerator(), without.BuildDiscriminator(), without, Tiny.Value, without.BuildGenerator(), TextWriter.Null);
        var e = Assert.Throws<InvalidOperationException>(() => Generative.Training.GanTraining.LoadOrTrain(
            without.BuildGenerator(), without.BuildDiscriminator(), without, Tiny.Value, averaged, TextWriter.Null, evaluate));
        Assert.Contains("GENERATIVE_CHECKPOINTS", e.Message);
    }

    [Fact]
    public void EvaluationNetwork()
    {
        var classifier = Generative.Training.EvaluationNetwork.LoadOrTrain(Tiny.Value, Recipes.Classifier with { Epochs = 1 }, TextWriter.Null);
        // Chance is 10%; even 4 steps on 256 digits do better.
        Assert.InRange(Generative.Metrics.Classification.Accuracy(classifier, Tiny.Value.Test(100)), 0.2, 1.0);
    }

    [Fact]
    public void RandomCodesFewLabelsAndLinearProbe()
    {
        manual_seed(0);
        var recipe = Recipes.DeepAutoencoder with { Epochs = 1 };
        var ae = recipe.Build();
        Generative.Training.AutoencoderTraining.LoadOrTrain(ae, recipe, Tiny.Value, TextWriter.Null);
        using var images = RandomCodes.Decode(ae.Encode, ae.Decode, Tiny.Value.TestImages, count: 12, seed: 0);
        Assert.Equal(new long[] { 12, 1, 28, 28 }, images.shape);
        Assert.True(images.min().item<float>() >= 0 && images.max().item<float>() <= 1);

        var (fewX, fewY) = FewLabels.Take(Tiny.Value.TrainImages, Tiny.Value.TrainLabels, perClass: 5, seed: 0);
        Assert.Equal(Enumerable.Repeat(5L, 10), Enumerable.Range(0, 10).Select(c => fewY.eq(c).sum().item<long>()));
        double onPixels = LinearProbe.Accuracy(x => x.flatten(1), fewX, fewY, Tiny.Value.TestImages, Tiny.Value.TestLabels);
        Assert.InRange(onPixels, 0.3, 1.0);  // chance is 0.1; 50 labelled digits give a linear classifier well above it
    }
}
