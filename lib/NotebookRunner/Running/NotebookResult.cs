namespace NotebookRunner.Running;

/// <summary>How long one code cell took; <see cref="Index"/> is its 1-based position in the notebook as written (null for the injected parameters cell).</summary>
public sealed record CellTiming(int? Index, double Seconds);

/// <summary>A result a notebook stated as a claim (the library's <c>Claims.Check</c>), with the verdict its run gave and the numbers behind it.</summary>
public sealed record ClaimVerdict(string Statement, bool Holds, string Evidence);

/// <summary>An exercise's check (the library's <c>Exercise.Check</c>): the answer's name, "right", "wrong", "not attempted" or "unchecked", and the message the learner read.</summary>
public sealed record ExerciseCheck(string Name, string Verdict, string Message);

/// <summary>The outcome of running one notebook, as summary.json reports it.</summary>
public sealed record NotebookResult(
    string Name,
    bool Ok,
    double Seconds,
    IReadOnlyList<CellTiming> Cells,
    IReadOnlyDictionary<string, double?> Metrics,
    string? Error,
    string? ExecutedPath,
    string? HtmlPath)
{
    /// <summary>The claims the notebook checked, in the order it checked them; a statement checked twice keeps its last verdict.</summary>
    public IReadOnlyList<ClaimVerdict> Claims { get; init; } = [];

    /// <summary>The exercise checks the notebook ran, in order; an answer checked twice keeps its last verdict.</summary>
    public IReadOnlyList<ExerciseCheck> Exercises { get; init; } = [];
}
