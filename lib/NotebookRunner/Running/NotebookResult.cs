namespace NotebookRunner.Running;

/// <summary>How long one code cell took; <see cref="Index"/> is its 1-based position in the notebook as written (null for the injected parameters cell).</summary>
public sealed record CellTiming(int? Index, double Seconds);

/// <summary>The outcome of running one notebook, as summary.json reports it.</summary>
public sealed record NotebookResult(
    string Name,
    bool Ok,
    double Seconds,
    IReadOnlyList<CellTiming> Cells,
    IReadOnlyDictionary<string, double?> Metrics,
    string? Error,
    string? ExecutedPath,
    string? HtmlPath);
