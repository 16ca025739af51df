using Generative.Models;
using Generative.Training;
using static TorchSharp.torch;

namespace Generative.Tests.Training;

/// <summary>What a recipe promises before any long run: its schedule is applied, and a GAN recipe gets exactly the networks it needs.
/// Serial because the recipe seeds torch's global generator.</summary>
[Collection(nameof(SerialTorch))]
public class RecipeTests
{
    /// <summary>Trains two epochs, keeping a copy of the weights after the first.</summary>
    static (Tensor AfterFirst, Tensor AfterLast) TwoEpochs(double decay)
    {
        var recipe = Recipes.LinearAutoencoder with { Architecture = () => new LinearAutoencoder(4), Epochs = 2, BatchSize = 128, LearningRateDecay = decay };
        var model = recipe.Build();
        Tensor Weights() => cat(model.parameters().Select(p => p.detach().flatten()).ToArray()).clone();
        Tensor? afterFirst = null;
        recipe.Fit(model, SmallMnist.Value, (x, _) => nn.functional.mse_loss(model.forward(x), x),
            new TrainOptions { OnEpoch = e => { if (e.Epoch == 1) afterFirst = Weights(); } });
        return (afterFirst!, Weights());
    }

    [Fact]
    public void The_learning_rate_decays_after_each_epoch_as_the_recipe_says()
    {
        // A decay of 0 leaves a learning rate of 0 for the second epoch, so Adam no longer moves the weights; a decay of 1 does not stop it.
        var (stopped, stoppedEnd) = TwoEpochs(decay: 0);
        Assert.True(stopped.eq(stoppedEnd).all().item<bool>(), "the second epoch moved the weights although the recipe decays the rate to 0");
        var (kept, keptEnd) = TwoEpochs(decay: 1);
        Assert.False(kept.eq(keptEnd).all().item<bool>(), "the second epoch did not move the weights at a constant rate");
    }

    [Fact]
    public void A_gan_recipe_that_averages_needs_the_third_network_and_one_that_does_not_refuses_it()
    {
        var averaging = Recipes.MlpGan with { Epochs = 1 };
        var plain = averaging with { GeneratorAverageDecay = 0 };
        var missing = Assert.Throws<ArgumentException>(() =>
            GanTraining.LoadOrTrain(averaging.BuildGenerator(), averaging.BuildDiscriminator(), averaging, SmallMnist.Value, averagedGenerator: null, TextWriter.Null));
        Assert.Equal("averagedGenerator", missing.ParamName);
        var extra = Assert.Throws<ArgumentException>(() =>
            GanTraining.LoadOrTrain(plain.BuildGenerator(), plain.BuildDiscriminator(), plain, SmallMnist.Value, plain.BuildGenerator(), TextWriter.Null));
        Assert.Equal("averagedGenerator", extra.ParamName);
    }

    [Fact]
    public void The_comparison_without_codes_differs_from_the_dcgan_only_in_its_codes()
    {
        var comparison = Recipes.DcganWithoutCodes;
        Assert.Equal(Recipes.Dcgan with { Name = comparison.Name, Generator = comparison.Generator, Discriminator = comparison.Discriminator,
            Code = comparison.Code, InformationWeight = comparison.InformationWeight }, comparison);
        Assert.NotEqual(Recipes.Dcgan.Name, comparison.Name);
        Assert.Equal(new LatentCode(Recipes.Dcgan.LatentDim), comparison.Code);
        Assert.Equal(0, comparison.InformationWeight);
        Assert.True(Recipes.Dcgan.InformationWeight > 0 && Recipes.Dcgan.Code.HasCodes);
        Assert.Contains(Recipes.Dcgan.BuildGenerator().modules(), m => m is CategoricalCode);
        Assert.DoesNotContain(comparison.BuildGenerator().modules(), m => m is CategoricalCode);
        Assert.Throws<InvalidOperationException>(() => ((ICodeReader)comparison.BuildDiscriminator()).Read(zeros(2, 1, 28, 28)));
    }
}
