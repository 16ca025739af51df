using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookRunner.Notebooks;

/// <summary>An nbformat 4 notebook held as JSON, so metadata the runner does not know survives the round trip.</summary>
public sealed class NotebookDocument
{
    static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true };

    readonly JsonObject _root;

    NotebookDocument(string path, JsonObject root)
    {
        Path = path;
        _root = root;
    }

    /// <summary>Where the notebook was read from.</summary>
    public string Path { get; }

    /// <summary>The file name without extension, used in messages, summary.json and output file names.</summary>
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>The notebook-level metadata object.</summary>
    public JsonObject Metadata => _root["metadata"] as JsonObject ?? (JsonObject)(_root["metadata"] = new JsonObject());

    /// <summary>The cells in notebook order.</summary>
    public JsonArray Cells => _root["cells"] as JsonArray ?? (JsonArray)(_root["cells"] = new JsonArray());

    /// <summary>Reads an nbformat 4 notebook; throws with the file name when it is not one.</summary>
    public static NotebookDocument Load(string path)
    {
        JsonNode? node;
        try { node = JsonNode.Parse(File.ReadAllText(path)); }
        catch (JsonException e) { throw new InvalidDataException($"{path} is not valid JSON ({e.Message}); is it an .ipynb notebook?", e); }
        if (node is not JsonObject root || root["nbformat"]?.GetValue<int>() != 4 || root["cells"] is not JsonArray)
            throw new InvalidDataException($"{path} is not an nbformat 4 notebook (it needs \"nbformat\": 4 and a \"cells\" array).");
        return new NotebookDocument(path, root);
    }

    /// <summary>Brings the notebook to nbformat 4.5 (cell ids) and the .NET C# kernelspec, keeping existing ids and metadata.</summary>
    public void NormalizeForExecution()
    {
        _root["nbformat"] = 4;
        _root["nbformat_minor"] = Math.Max(5, _root["nbformat_minor"]?.GetValue<int>() ?? 0);
        Metadata["kernelspec"] ??= new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" };
        Metadata["language_info"] ??= new JsonObject { ["name"] = "C#", ["file_extension"] = ".cs", ["mimetype"] = "text/x-csharp", ["pygments_lexer"] = "csharp", ["version"] = "13.0" };
        var used = new HashSet<string>(Cells.OfType<JsonObject>().Select(c => c["id"]?.GetValue<string>()).OfType<string>());
        foreach (var cell in Cells.OfType<JsonObject>())
        {
            if (cell["id"] is null)
            {
                string id;
                do id = Guid.NewGuid().ToString("N")[..12]; while (!used.Add(id));
                cell["id"] = id;
            }
            cell["metadata"] ??= new JsonObject();
            if (Cell.IsCode(cell))
            {
                cell["outputs"] = new JsonArray();
                cell["execution_count"] = null;
            }
        }
    }

    /// <summary>Writes the notebook as indented JSON, atomically.</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        File.WriteAllText(temp, _root.ToJsonString(WriteOptions) + "\n");
        File.Move(temp, path, overwrite: true);
    }
}
