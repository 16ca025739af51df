using System.Text.Json.Nodes;
using NotebookRunner.Notebooks;

namespace NotebookRunner.Execution;

/// <summary>The outputs of one executing cell, in the order they happen, shaped as nbformat 4 outputs.</summary>
public sealed class CellOutputs
{
    // One lock for every cell: a display handle from an earlier cell may update its output while a later cell writes.
    internal static readonly object Gate = new();

    readonly JsonArray _outputs;

    /// <summary>Collects into <paramref name="outputs"/>, the cell's "outputs" array.</summary>
    public CellOutputs(JsonArray outputs) => _outputs = outputs;

    /// <summary>Appends console text, joining it to the previous output when that is the same stream.</summary>
    public void AppendStream(string name, string text)
    {
        if (text.Length == 0) return;
        lock (Gate)
        {
            if (_outputs.Count > 0 && _outputs[^1] is JsonObject last
                && last["output_type"]?.GetValue<string>() == "stream" && last["name"]?.GetValue<string>() == name)
                last["text"] = last["text"]!.GetValue<string>() + text;
            else
                _outputs.Add(new JsonObject { ["output_type"] = "stream", ["name"] = name, ["text"] = text });
        }
    }

    /// <summary>Adds a display_data output and returns it, so an update can replace its data later.</summary>
    public JsonObject AddDisplay(JsonObject data)
    {
        var output = new JsonObject { ["output_type"] = "display_data", ["data"] = data, ["metadata"] = new JsonObject() };
        lock (Gate) _outputs.Add(output);
        return output;
    }

    /// <summary>Replaces the data of an output added by <see cref="AddDisplay"/>, wherever its cell is.</summary>
    public static void Replace(JsonObject output, JsonObject data)
    {
        lock (Gate) output["data"] = data;
    }

    /// <summary>Adds the execute_result of a trailing expression.</summary>
    public void AddResult(int executionCount, JsonObject data)
    {
        lock (Gate) _outputs.Add(new JsonObject { ["output_type"] = "execute_result", ["execution_count"] = executionCount, ["data"] = data, ["metadata"] = new JsonObject() });
    }

    /// <summary>Adds an error output as Jupyter shows a failed cell.</summary>
    public void AddError(string ename, string evalue, IEnumerable<string> traceback)
    {
        lock (Gate) _outputs.Add(new JsonObject
        {
            ["output_type"] = "error",
            ["ename"] = ename,
            ["evalue"] = evalue,
            ["traceback"] = new JsonArray(traceback.Select(l => (JsonNode)l).ToArray()),
        });
    }
}
