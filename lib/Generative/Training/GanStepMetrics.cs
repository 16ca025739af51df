namespace Generative.Training;

/// <summary>One GAN step, for per-step callbacks.</summary>
public sealed record GanStepMetrics(int Epoch, int Step, double DReal, double DFake, double LossD, double LossG);
