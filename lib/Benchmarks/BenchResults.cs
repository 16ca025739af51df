namespace Generative.Benchmarks;

/// <summary>Everything the benchmark measured, as written to artifacts/bench/results.json.</summary>
public sealed record BenchResults(
    BenchConfig Config,
    int TorchThreads,
    double[] BareSeconds,
    double[] TrainerSeconds,
    double BareSecondsMedian,
    double TrainerSecondsMedian,
    double OverheadRatio,
    double MatmulGflops,
    double EpochGflop,
    double FlopFloorSeconds,
    double FlopFloorRatio,
    double[] WorkingSetMb,
    double GrowthAfterFirstEpochMb)
{
    /// <summary>DCGAN epoch seconds per loop variant (see <see cref="DcganBench"/>).</summary>
    public IReadOnlyDictionary<string, double[]>? Dcgan { get; init; }
}
