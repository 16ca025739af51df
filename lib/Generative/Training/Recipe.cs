using System.Text.Json.Serialization;
using Generative.Data;
using Generative.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Training;

/// <summary>Adam's settings; the optimizer is built from them, so they are written once.</summary>
public sealed record AdamSettings(double LearningRate, double Beta1 = 0.9, double Beta2 = 0.999)
{
    /// <summary>Adam over <paramref name="model"/>'s parameters.</summary>
    public optim.Optimizer For(nn.Module model) => optim.Adam(model.parameters(), LearningRate, Beta1, Beta2);
}

/// <summary>Everything that makes a trained course model what it is: architecture, optimizer, epochs, batch size, seed.</summary>
/// <remarks>The checkpoint key is the recipe's JSON (all but the architecture's code) with the built model's structure, so one edit here retrains.</remarks>
/// <param name="Name">Readable name, used in the checkpoint's file name.</param>
/// <param name="Architecture">Builds the untrained model.</param>
/// <param name="Adam">The optimizer's settings.</param>
/// <param name="Epochs">Passes over the training set.</param>
/// <param name="BatchSize">Examples per step.</param>
/// <param name="Seed">Seeds the shuffling and torch's generator before training.</param>
/// <param name="LearningRateDecay">Factor applied to the learning rate after each epoch (1: constant).</param>
public sealed record Recipe<TModel>(string Name, [property: JsonIgnore] Func<TModel> Architecture, AdamSettings Adam,
    int Epochs, int BatchSize, int Seed = 0, double LearningRateDecay = 1) where TModel : nn.Module
{
    /// <summary>A new, untrained model.</summary>
    public TModel Build() => Architecture();

    /// <summary>Trains <paramref name="model"/> as the recipe says: Adam with its settings, the learning rate multiplied by
    /// <see cref="LearningRateDecay"/> after each epoch, its batch size and epochs, shuffled and seeded by its seed.</summary>
    /// <param name="model">A model built by this recipe.</param>
    /// <param name="mnist">The training images.</param>
    /// <param name="lossPerBatch">Scalar loss of a batch (x, y).</param>
    /// <param name="options">Reduction, evaluation and callbacks; the recipe sets the seed.</param>
    public History Fit(TModel model, Mnist mnist, Func<Tensor, Tensor, Tensor> lossPerBatch, TrainOptions options)
    {
        var optimizer = Adam.For(model);
        var schedule = optim.lr_scheduler.StepLR(optimizer, 1, LearningRateDecay);
        return Trainer.Fit(model, optimizer, mnist.Train(BatchSize, Seed), Epochs, lossPerBatch, options with
        {
            Seed = Seed,
            OnEpoch = e =>
            {
                schedule.step();
                options.OnEpoch?.Invoke(e);
            },
        });
    }
}

/// <summary>A GAN's recipe: both architectures, the size of z, one Adam per network, epochs, batch size, seed, the decay of
/// the generator's weight average (0: no average) and the adversarial loss.</summary>
/// <param name="Name">Readable name, used in the checkpoint's file name.</param>
/// <param name="Generator">Builds the untrained generator.</param>
/// <param name="Discriminator">Builds the untrained discriminator.</param>
/// <param name="Code">Size of z, and which of its coordinates are InfoGAN codes (an int alone: plain noise).</param>
/// <param name="GeneratorAdam">The generator's optimizer settings.</param>
/// <param name="DiscriminatorAdam">The discriminator's optimizer settings.</param>
/// <param name="Epochs">Passes over the training set.</param>
/// <param name="BatchSize">Real images per step.</param>
/// <param name="Seed">Seeds the shuffling and torch's generator before training.</param>
/// <param name="GeneratorAverageDecay">Decay of the average of the generator's weights (<see cref="WeightAverage"/>); 0: no average.</param>
/// <param name="Loss">The adversarial loss both networks are trained with (<see cref="GanLoss"/>).</param>
/// <param name="InformationWeight">Weight of InfoGAN's information loss (<see cref="GanTrainer.InformationLoss"/>) in both networks'
/// losses; used only when <paramref name="Code"/> has codes.</param>
public sealed record GanRecipe(string Name,
    [property: JsonIgnore] Func<nn.Module<Tensor, Tensor>> Generator, [property: JsonIgnore] Func<nn.Module<Tensor, Tensor>> Discriminator,
    LatentCode Code, AdamSettings GeneratorAdam, AdamSettings DiscriminatorAdam, int Epochs, int BatchSize, int Seed = 0,
    double GeneratorAverageDecay = 0, GanLoss Loss = GanLoss.NonSaturating, double InformationWeight = 0)
{
    /// <summary>Size of z.</summary>
    [JsonIgnore] public int LatentDim => Code.Dim;

    /// <summary>A new, untrained generator.</summary>
    public nn.Module<Tensor, Tensor> BuildGenerator() => Generator();

    /// <summary>A new, untrained discriminator.</summary>
    public nn.Module<Tensor, Tensor> BuildDiscriminator() => Discriminator();
}
