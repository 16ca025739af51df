namespace Generative.Tests.Training;

/// <summary>Tests that must not overlap with others: torch's global generator and live-tensor count are process-wide.</summary>
[CollectionDefinition(nameof(SerialTorch), DisableParallelization = true)]
public class SerialTorch;
