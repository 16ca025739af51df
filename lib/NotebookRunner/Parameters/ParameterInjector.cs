using System.Text;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.CSharp;
using NotebookRunner.Execution;
using NotebookRunner.Notebooks;

namespace NotebookRunner.Parameters;

/// <summary>Papermill's convention for C#: after the cell tagged <c>parameters</c>, a cell tagged <c>injected-parameters</c> assigns overrides.</summary>
/// <remarks>
/// A notebook's smoke-profile overrides live in its metadata as <c>"course": {"smoke": {"epochs": 1, "trainLimit": 2000}}</c>
/// (JSON numbers, booleans or strings). With <c>--profile smoke</c> they are applied first, then every <c>-p name=value</c>.
/// The injected cell assigns (<c>epochs = 1;</c>) rather than redeclares, so each parameter keeps the type its
/// parameters cell gave it and a misspelt name fails with the compiler's error.
/// </remarks>
public static class ParameterInjector
{
    /// <summary>The tag of the cell holding the notebook's full-size values.</summary>
    public const string ParametersTag = "parameters";

    /// <summary>The tag of the cell the runner adds.</summary>
    public const string InjectedTag = "injected-parameters";

    /// <summary>Inserts the injected cell into <paramref name="notebook"/> and returns it, or returns null when there is nothing to inject.</summary>
    public static JsonObject? Inject(NotebookDocument notebook, bool smoke, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        var cells = notebook.Cells;
        // A notebook saved from an earlier run may still carry its injected cell: drop it, as papermill does.
        foreach (var stale in cells.OfType<JsonObject>().Where(c => Cell.Tags(c).Contains(InjectedTag)).ToList()) cells.Remove(stale);

        var values = new List<KeyValuePair<string, string>>();
        if (smoke && notebook.Metadata["course"]?["smoke"] is JsonObject overrides)
            values.AddRange(overrides.Select(o => KeyValuePair.Create(o.Key, CSharpLiteral.FromJson(o.Value, $"{notebook.Name}: metadata.course.smoke.{o.Key}"))));
        values.AddRange(parameters.Select(p => KeyValuePair.Create(p.Key, CSharpLiteral.FromText(p.Value))));
        if (values.Count == 0) return null;

        var target = cells.OfType<JsonObject>().FirstOrDefault(c => Cell.IsCode(c) && Cell.Tags(c).Contains(ParametersTag))
            ?? throw new NotebookException($"{notebook.Name}: parameters were given ({string.Join(", ", values.Select(v => v.Key).Distinct())}) but the notebook has no code cell tagged '{ParametersTag}'. Tag the cell that holds its full-size values, or drop the -p options for it.");

        var code = new StringBuilder($"// Injected by the notebook runner{(smoke ? " (smoke profile)" : "")}.\n");
        foreach (var (name, literal) in values)
        {
            if (!SyntaxFacts.IsValidIdentifier(name))
                throw new NotebookException($"{notebook.Name}: '{name}' is not a C# variable name, so it cannot be a parameter.");
            code.Append($"{name} = {literal};\n");
        }
        var injected = Cell.NewCode(InjectedTag, code.ToString(), InjectedTag);
        cells.Insert(cells.IndexOf(target) + 1, injected);
        return injected;
    }
}
