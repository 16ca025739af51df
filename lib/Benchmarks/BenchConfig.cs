namespace Generative.Benchmarks;

/// <summary>How much the benchmark runs: the full profile uses all of MNIST, the quick one a subset.</summary>
/// <param name="TrainImages">Images per VAE epoch.</param>
/// <param name="Repetitions">Interleaved timed repetitions of each loop.</param>
/// <param name="MemoryEpochs">Epochs of the working-set measurement.</param>
/// <param name="MatmulRepetitions">Timed 1024x1024 matrix products.</param>
/// <param name="DcganImages">Images per DCGAN epoch: a part of MNIST, so that its three interleaved loops take a couple of minutes.</param>
public sealed record BenchConfig(int TrainImages, int Repetitions, int MemoryEpochs, int MatmulRepetitions, int DcganImages)
{
    /// <summary>pytorch/examples' VAE configuration over the 60,000 training images; about 3 minutes on 2 idle cores.</summary>
    public static BenchConfig Full { get; } = new(60_000, 7, 10, 50, 10_000);

    /// <summary>A smoke run of well under a minute.</summary>
    public static BenchConfig Quick { get; } = new(6_000, 3, 3, 10, 2_000);

    /// <summary>pytorch/examples' batch size.</summary>
    public int BatchSize => 128;
}
