namespace Generative.Benchmarks;

/// <summary>How much the benchmark runs: the full profile uses all of MNIST, the quick one a subset.</summary>
public sealed record BenchConfig(int TrainImages, int Repetitions, int MemoryEpochs, int MatmulRepetitions)
{
    /// <summary>pytorch/examples' VAE configuration over the 60,000 training images; about 3 minutes on 2 idle cores.</summary>
    public static BenchConfig Full { get; } = new(60_000, 5, 10, 50);

    /// <summary>A smoke run of well under a minute.</summary>
    public static BenchConfig Quick { get; } = new(6_000, 3, 3, 10);

    /// <summary>pytorch/examples' batch size.</summary>
    public int BatchSize => 128;
}
