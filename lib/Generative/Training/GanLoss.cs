namespace Generative.Training;

/// <summary>The adversarial loss a GAN is trained with (<see cref="GanTrainer.DiscriminatorLoss"/>, <see cref="GanTrainer.GeneratorLoss"/>).</summary>
public enum GanLoss
{
    /// <summary>Goodfellow et al.'s loss with the non-saturating generator objective: binary cross-entropy on D's logits.</summary>
    NonSaturating,
    /// <summary>The hinge loss of Lim and Ye (2017) and Miyato et al. (2018): D is penalised only inside a margin of 1 around its decision.</summary>
    Hinge,
}
