using Generative.Models;
using static TorchSharp.torch;

namespace Generative.Training;

/// <summary>The course's trained models, one recipe each: the one place their settings live. Notebooks use them with
/// <c>with { Epochs = ... }</c> for the smoke profile, and a later notebook reuses an earlier one's model by its recipe.</summary>
public static class Recipes
{
    /// <summary>The autoencoders' code size in notebook 02.</summary>
    public const int CodeSize = 32;

    static readonly AdamSettings Adam1e3 = new(1e-3);

    /// <summary>The notebook-01 classifier, kept as the evaluation network: Adam 1e-3, the learning rate times 0.7 after each epoch
    /// (pytorch/examples' mnist schedule).</summary>
    public static readonly Recipe<Classifier> Classifier = new("classifier", () => new Classifier(), Adam1e3, Epochs: 5, BatchSize: 64, LearningRateDecay: 0.7);

    /// <summary>Notebook 02's linear autoencoder: cheap per epoch, slow to converge, so more epochs.</summary>
    public static readonly Recipe<Autoencoder> LinearAutoencoder = new(nameof(Models.LinearAutoencoder), () => new LinearAutoencoder(CodeSize), Adam1e3, Epochs: 10, BatchSize: 128);

    /// <summary>Notebook 02's deep fully connected autoencoder.</summary>
    public static readonly Recipe<Autoencoder> DeepAutoencoder = new(nameof(Models.DeepAutoencoder), () => new DeepAutoencoder(CodeSize), Adam1e3, Epochs: 4, BatchSize: 128);

    /// <summary>Notebook 02's ReLU CNN autoencoder.</summary>
    public static readonly Recipe<Autoencoder> ConvAutoencoder = new(nameof(Models.ConvAutoencoder), () => new ConvAutoencoder(CodeSize), Adam1e3, Epochs: 4, BatchSize: 128);

    /// <summary>Notebook 03's Bernoulli VAE: pytorch/examples' vae/main.py model and 10 epochs, trained with batch 64 (not 128) and
    /// Adam from 1.5e-3 decayed by 0.85 per epoch (not a constant 1e-3), which lowers its test −ELBO.</summary>
    public static readonly Recipe<VariationalAutoencoder> Vae = new(nameof(Models.Vae), () => new Vae(), new AdamSettings(1.5e-3), Epochs: 10, BatchSize: 64, LearningRateDecay: 0.85);

    /// <summary>Notebook 03's VAE with the lecture's Gaussian decoder.</summary>
    public static readonly Recipe<VariationalAutoencoder> GaussianVae = new(nameof(Models.GaussianVae), () => new GaussianVae(), Adam1e3, Epochs: 3, BatchSize: 128);

    /// <summary>Notebook 03's VAE with a 2-d latent, on the deep autoencoder's layers: batch 64, Adam from 1e-3 decayed by 0.9 per epoch, 12 epochs.</summary>
    public static readonly Recipe<VariationalAutoencoder> Vae2d = new(nameof(DeepVae), () => new DeepVae(latentDim: 2), new AdamSettings(1e-3), Epochs: 12, BatchSize: 64, LearningRateDecay: 0.9);

    /// <summary>Notebook 04's toy GAN on 2-d points (<see cref="Experiments.ToyGan"/>): a linear generator from a 2-d z against a small
    /// LeakyReLU discriminator that learns five times faster (the two-timescale rule), Adam with β1 = 0.5, batch 8, 30 epochs of 1,000 points.</summary>
    public static readonly GanRecipe ToyGan = new("ToyGan", () => nn.Linear(2, 2),
        () => nn.Sequential(nn.Linear(2, 16), nn.LeakyReLU(0.2), nn.Linear(16, 16), nn.LeakyReLU(0.2), nn.Linear(16, 1)),
        Code: 2, GeneratorAdam: new(2e-3, 0.5), DiscriminatorAdam: new(1e-2, 0.5), Epochs: 30, BatchSize: 8);

    /// <summary>Notebook 04's MLP GAN, after CS231n's vanilla GAN: a 512-unit generator against a narrower 256-unit LeakyReLU(0.01)
    /// discriminator, Adam 1e-3 with β1 = 0.5 for both, batch 128, and the generator's weights averaged with decay 0.999.</summary>
    public static readonly GanRecipe MlpGan = new("MlpGenerator+MlpDiscriminator", () => new MlpGenerator(latentDim: 100, hidden: 512), () => new MlpDiscriminator(hidden: 256),
        Code: 100, GeneratorAdam: new(1e-3, 0.5), DiscriminatorAdam: new(1e-3, 0.5), Epochs: 12, BatchSize: 128, GeneratorAverageDecay: 0.999);

    /// <summary>Notebook 05's z: 87 coordinates of noise, 10 read as a category, 3 as continuous codes (InfoGAN's MNIST codes, and one more):
    /// one read with the noise, a shear code that can only tilt the digit (<see cref="Shear"/>) and a style code that reaches only the
    /// strokes (<see cref="StyleModulation"/>, <see cref="StrokeWidth"/>).</summary>
    public static readonly LatentCode DcganCode = new(100, Categories: 10, Continuous: 3, Style: 1, Shear: 1);

    /// <summary>Notebook 05's DCGAN, with fully connected hidden layers (two in the generator, one in the discriminator) and InfoGAN's
    /// codes (<see cref="DcganCode"/>, information loss of weight 1 in both networks' losses): batch 128, Adam with β1 = 0.5 at 1e-3
    /// for both networks, 3 epochs, the hinge loss, and the generator's weights averaged with decay 0.999 as the MLP GAN's.</summary>
    public static readonly GanRecipe Dcgan = new("DcganGenerator+DcganDiscriminator", () => new DcganGenerator(DcganCode), () => new DcganDiscriminator(codeOutputs: DcganCode.Outputs),
        Code: DcganCode, GeneratorAdam: new(1e-3, 0.5), DiscriminatorAdam: new(1e-3, 0.5), Epochs: 3, BatchSize: 128, GeneratorAverageDecay: 0.999,
        Loss: GanLoss.Hinge, InformationWeight: 1);

    /// <summary>Notebook 06's comparison: <see cref="Dcgan"/>'s settings with z read as plain noise (no codes, no head Q, no information
    /// loss), so that the effect of the codes is measured with everything else the same.</summary>
    public static readonly GanRecipe DcganWithoutCodes = Dcgan with
    {
        Name = "DcganWithoutCodes",
        Generator = () => new DcganGenerator(100),
        Discriminator = () => new DcganDiscriminator(),
        Code = 100,
        InformationWeight = 0,
    };
}
