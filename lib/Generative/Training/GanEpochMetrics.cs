namespace Generative.Training;

/// <summary>One GAN epoch, averaged over its steps.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="DReal">Mean D(x) on real batches: the discriminator's probability that real images are real.</param>
/// <param name="DFake">Mean D(G(z)) before the discriminator step: its probability that fakes are real.</param>
/// <param name="LossD">Mean discriminator loss, -log D(x) - log(1 - D(G(z))).</param>
/// <param name="LossG">Mean non-saturating generator loss, -log D(G(z)).</param>
/// <param name="Seconds">Wall-clock time of the epoch.</param>
public sealed record GanEpochMetrics(int Epoch, double DReal, double DFake, double LossD, double LossG, double Seconds);
