using System.Text.Json.Nodes;

namespace NotebookRunner.Execution;

/// <summary>What <c>display(x)</c> returns: a handle whose <see cref="Update"/> replaces that output in place.</summary>
public sealed class DisplayedValue
{
    readonly JsonObject _output;
    readonly IReadOnlyCollection<string> _mimeTypes;

    internal DisplayedValue(JsonObject output, IReadOnlyCollection<string> mimeTypes, string displayId)
    {
        _output = output;
        _mimeTypes = mimeTypes;
        DisplayId = displayId;
    }

    /// <summary>The output's display id, as the kernel's transient display_id.</summary>
    public string DisplayId { get; }

    /// <summary>Replaces the displayed output with <paramref name="value"/>, formatted like the original.</summary>
    public void Update(object value) => CellOutputs.Replace(_output, OutputFormatter.Format(value, _mimeTypes));
}
