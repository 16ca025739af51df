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
    double GrowthAfterFirstEpochMb);
