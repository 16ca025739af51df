namespace NotebookRunner.Execution;

/// <summary>The globals every notebook cell sees, standing in for <c>using static Microsoft.DotNet.Interactive.Kernel</c>.</summary>
public sealed class NotebookGlobals
{
    readonly Func<CellOutputs?> _current;

    internal NotebookGlobals(Func<CellOutputs?> current) => _current = current;

    /// <summary>Shows <paramref name="value"/> in the executing cell's outputs, like the kernel's <c>display</c>.</summary>
    /// <param name="value">The value to format.</param>
    /// <param name="mimeTypes">Mime types to format to; none lets the runner choose as the kernel does.</param>
    public DisplayedValue display(object value, params string[] mimeTypes)
    {
        var outputs = _current() ?? throw new InvalidOperationException("display() was called while no notebook cell was executing.");
        var output = outputs.AddDisplay(OutputFormatter.Format(value, mimeTypes));
        return new DisplayedValue(output, mimeTypes, Guid.NewGuid().ToString("N"));
    }
}
