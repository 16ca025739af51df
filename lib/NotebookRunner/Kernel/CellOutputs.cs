using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace NotebookRunner.Kernel;

/// <summary>Turns the kernel's events into a cell's nbformat outputs, as VS Code stores them.</summary>
/// <remarks>
/// An update replaces the output that carries its value id and is appended when no output does. That is VS Code's
/// behaviour, so the final kernel's <c>display(x).Update(y)</c> (whose first update brings a new id) leaves the same two
/// outputs here as there.
/// </remarks>
public sealed class CellOutputs
{
    // One lock for every cell: a display handle from an earlier cell may update its output while a later cell runs.
    static readonly object Gate = new();
    readonly Dictionary<string, (List<InteractiveDocumentOutputElement> Outputs, InteractiveDocumentOutputElement Element)> _byValueId = [];

    /// <summary>The outputs of the cell running now; null between cells.</summary>
    public List<InteractiveDocumentOutputElement>? Current { get; set; }

    /// <summary>The execution count of the cell running now, which its return value carries.</summary>
    public int ExecutionCount { get; set; }

    /// <summary>Records <paramref name="e"/> in the current cell, or in the cell that first showed its value.</summary>
    public void Add(KernelEvent e)
    {
        lock (Gate)
        {
            switch (e)
            {
                case StandardOutputValueProduced stdout: AppendStream("stdout", Text(stdout)); break;
                case StandardErrorValueProduced stderr: AppendStream("stderr", Text(stderr)); break;
                case DisplayedValueUpdated updated: Update(updated.ValueId, new DisplayElement(Data(updated))); break;
                case DisplayedValueProduced displayed: Show(displayed.ValueId, new DisplayElement(Data(displayed))); break;
                case ReturnValueProduced value: Show(value.ValueId, Result(value)); break;
            }
        }
    }

    /// <summary>Adds the error output of a failed cell.</summary>
    public void AddError(string name, string message, IEnumerable<string> traceback)
    {
        lock (Gate) Current?.Add(new ErrorElement(message, name, traceback.ToArray()));
    }

    void Show(string? valueId, InteractiveDocumentOutputElement element)
    {
        if (Current is null) return;
        Current.Add(element);
        if (valueId is not null) _byValueId[valueId] = (Current, element);
    }

    void Update(string? valueId, InteractiveDocumentOutputElement element)
    {
        if (valueId is not null && _byValueId.TryGetValue(valueId, out var shown))
        {
            var index = shown.Outputs.IndexOf(shown.Element);
            if (index >= 0)
            {
                shown.Outputs[index] = element;
                _byValueId[valueId] = (shown.Outputs, element);
                return;
            }
        }
        Show(valueId, element);
    }

    void AppendStream(string name, string text)
    {
        if (Current is null || text.Length == 0) return;
        if (Current.Count > 0 && Current[^1] is TextElement last && last.Name == name)
            Current[^1] = new TextElement(last.Text + text, name);
        else
            Current.Add(new TextElement(text, name));
    }

    ReturnValueElement Result(ReturnValueProduced e)
    {
        var element = new ReturnValueElement { ExecutionOrder = ExecutionCount };
        foreach (var (mime, value) in Data(e)) element.Data[mime] = value;
        return element;
    }

    static string Text(DisplayEvent e) =>
        e.FormattedValues.FirstOrDefault(v => v.MimeType == PlainTextFormatter.MimeType)?.Value ?? e.FormattedValues.FirstOrDefault()?.Value ?? "";

    static Dictionary<string, object> Data(DisplayEvent e) =>
        e.FormattedValues.Where(v => !v.SuppressDisplay).ToDictionary(v => v.MimeType, v => (object)v.Value);
}
