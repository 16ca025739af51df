namespace NotebookRunner.Running;

/// <summary>Receives what the runner is doing, to show it as it happens.</summary>
public interface IRunProgress
{
    /// <summary>A notebook starts.</summary>
    void NotebookStarted(string name);

    /// <summary>A code cell starts; <paramref name="label"/> is "cell N" or "injected parameters".</summary>
    void CellStarted(string notebook, string label);

    /// <summary>The cell started last finished.</summary>
    void CellFinished(string notebook, string label, double seconds, bool ok);

    /// <summary>A notebook finished.</summary>
    void NotebookFinished(NotebookResult result);
}
