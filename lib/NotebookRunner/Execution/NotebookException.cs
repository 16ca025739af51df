namespace NotebookRunner.Execution;

/// <summary>A notebook problem the runner reports as it is (bad directive, unknown magic, missing parameters cell), without a stack trace.</summary>
public sealed class NotebookException(string message, Exception? inner = null) : Exception(message, inner);
