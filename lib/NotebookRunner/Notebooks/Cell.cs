using System.Text.Json.Nodes;

namespace NotebookRunner.Notebooks;

/// <summary>Reads and writes the parts of an nbformat cell the runner uses.</summary>
public static class Cell
{
    /// <summary>True for a code cell.</summary>
    public static bool IsCode(JsonObject cell) => cell["cell_type"]?.GetValue<string>() == "code";

    /// <summary>The cell's source as one string (nbformat allows a string or a list of lines).</summary>
    public static string Source(JsonObject cell) => cell["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>())),
        JsonValue text => text.GetValue<string>(),
        _ => "",
    };

    /// <summary>The cell's metadata tags.</summary>
    public static IReadOnlyList<string> Tags(JsonObject cell) =>
        (cell["metadata"]?["tags"] as JsonArray)?.Select(t => t?.GetValue<string>()).OfType<string>().ToList() ?? [];

    /// <summary>A new code cell with the given id, tags and source, as nbformat 4.5 has it.</summary>
    public static JsonObject NewCode(string id, string source, params string[] tags) => new()
    {
        ["cell_type"] = "code",
        ["id"] = id,
        ["metadata"] = new JsonObject { ["tags"] = new JsonArray(tags.Select(t => (JsonNode)t).ToArray()) },
        ["source"] = SplitLines(source),
        ["outputs"] = new JsonArray(),
        ["execution_count"] = null,
    };

    /// <summary>Text as the list of lines (each keeping its newline) that Jupyter writes.</summary>
    public static JsonArray SplitLines(string text)
    {
        var lines = new JsonArray();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
            if (text[i] == '\n')
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        if (start < text.Length) lines.Add(text[start..]);
        return lines;
    }
}
