using NotebookRunner.Running;

namespace NotebookRunner.Tests.Support;

/// <summary>Remembers progress events so tests can check what the terminal would show.</summary>
public sealed class RecordingProgress : IRunProgress
{
    /// <summary>The events in order, one line each.</summary>
    public List<string> Events { get; } = [];

    /// <inheritdoc/>
    public void NotebookStarted(string name) => Events.Add($"start {name}");

    /// <inheritdoc/>
    public void CellStarted(string notebook, string label) => Events.Add($"cell {notebook} {label}");

    /// <inheritdoc/>
    public void CellFinished(string notebook, string label, double seconds, bool ok) => Events.Add($"done {notebook} {label} {(ok ? "ok" : "failed")} {seconds >= 0}");

    /// <inheritdoc/>
    public void NotebookFinished(NotebookResult result) => Events.Add($"end {result.Name} {(result.Ok ? "ok" : "failed")}");
}
