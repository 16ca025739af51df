using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NotebookRunner.Parameters;

/// <summary>A parameter problem the user can fix: the message says what was wrong and what to do.</summary>
public sealed class ParameterException(string message) : Exception(message);

/// <summary>Papermill's convention for C#: after the cell tagged <c>parameters</c>, a cell tagged <c>injected-parameters</c> assigns overrides.</summary>
/// <remarks>
/// A notebook's smoke-profile overrides live in its metadata as <c>"course": {"smoke": {"epochs": 1}}</c>; with
/// <c>--profile smoke</c> they are applied first, then every <c>-p name=value</c>. The injected cell assigns rather than
/// redeclares, so each parameter keeps the type its parameters cell gave it. Names are checked against the parameters
/// cell before anything runs; values against the declared types once that cell has run in the kernel.
/// </remarks>
public static class ParameterInjector
{
    /// <summary>The tag of the cell holding the notebook's full-size values.</summary>
    public const string ParametersTag = "parameters";

    /// <summary>The tag of the cell the runner adds.</summary>
    public const string InjectedTag = "injected-parameters";

    /// <summary>The overrides in the order they apply: smoke values from <paramref name="notebookMetadata"/>, then <paramref name="parameters"/>.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Overrides(string notebook, IDictionary<string, object>? notebookMetadata, bool smoke,
        IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        var values = new List<KeyValuePair<string, string>>();
        if (smoke && notebookMetadata is not null && notebookMetadata.TryGetValue("course", out var course)
            && JsonSerializer.SerializeToNode(course)?["smoke"] is JsonObject overrides)
            values.AddRange(overrides.Select(o => KeyValuePair.Create(o.Key, o.Value?.GetValueKind() switch
            {
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => o.Value.ToJsonString(),
                JsonValueKind.String => o.Value.GetValue<string>(),
                _ => throw new ParameterException($"{notebook}: metadata.course.smoke.{o.Key} must be a number, a boolean or a string, not {o.Value?.ToJsonString() ?? "null"}."),
            })));
        values.AddRange(parameters);
        return values;
    }

    /// <summary>The variables the parameters cell declares at top level, in order.</summary>
    public static IReadOnlyList<string> DeclaredNames(string parametersSource) =>
        CSharpSyntaxTree.ParseText(parametersSource, new CSharpParseOptions(kind: SourceCodeKind.Script)).GetCompilationUnitRoot()
            .Members.SelectMany(m => m switch
            {
                // Script code parses a top-level declaration as a field.
                FieldDeclarationSyntax field => field.Declaration.Variables,
                GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax local } => local.Declaration.Variables,
                _ => [],
            }).Select(v => v.Identifier.ValueText).ToList();

    /// <summary>Throws when an override names a variable the parameters cell does not declare.</summary>
    public static void CheckNames(string notebook, IReadOnlyList<KeyValuePair<string, string>> overrides, string? parametersSource)
    {
        if (overrides.Count == 0) return;
        if (parametersSource is null)
            throw new ParameterException($"{notebook}: parameters were given ({string.Join(", ", overrides.Select(v => v.Key).Distinct())}) but the notebook has no code cell tagged '{ParametersTag}'. Tag the cell that holds its full-size values, or drop the -p options for it.");
        var declared = DeclaredNames(parametersSource);
        var unknown = overrides.Select(o => o.Key).Where(n => !declared.Contains(n)).Distinct().ToList();
        if (unknown.Count > 0)
            throw new ParameterException($"{notebook}: {string.Join(", ", unknown.Select(n => $"'{n}'"))} {(unknown.Count == 1 ? "is" : "are")} not defined in the '{ParametersTag}' cell, which defines: {string.Join(", ", declared)}.");
    }

    /// <summary>The injected cell's code; <paramref name="typeOf"/> gives each parameter's declared type after the parameters cell ran.</summary>
    public static string Code(string notebook, bool smoke, IReadOnlyList<KeyValuePair<string, string>> overrides, Func<string, Type?> typeOf)
    {
        var code = new StringBuilder($"// Injected by the notebook runner{(smoke ? " (smoke profile)" : "")}.\n");
        foreach (var (name, text) in overrides)
        {
            var type = typeOf(name) ?? throw new ParameterException($"{notebook}: the '{ParametersTag}' cell did not define '{name}' when it ran.");
            code.Append($"{name} = {Literal(notebook, name, text, type)};\n");
        }
        return code.ToString();
    }

    /// <summary>A C# literal of <paramref name="type"/> for <paramref name="text"/>, or a <see cref="ParameterException"/> naming the parameter and its type.</summary>
    public static string Literal(string notebook, string name, string text, Type type)
    {
        var t = text.Trim();
        var c = CultureInfo.InvariantCulture;
        string? literal = type switch
        {
            _ when type == typeof(string) => SymbolDisplay.FormatLiteral(text, quote: true),
            _ when type == typeof(bool) => bool.TryParse(t, out var b) ? (b ? "true" : "false") : null,
            _ when type == typeof(int) => int.TryParse(t, NumberStyles.AllowLeadingSign, c, out var i) ? i.ToString(c) : null,
            _ when type == typeof(long) => long.TryParse(t, NumberStyles.AllowLeadingSign, c, out var l) ? l.ToString(c) + "L" : null,
            _ when type == typeof(double) => double.TryParse(t, NumberStyles.Float, c, out var d) && double.IsFinite(d) ? d.ToString("R", c) + "d" : null,
            _ when type == typeof(float) => float.TryParse(t, NumberStyles.Float, c, out var f) && float.IsFinite(f) ? f.ToString("R", c) + "f" : null,
            _ when type == typeof(decimal) => decimal.TryParse(t, NumberStyles.Float, c, out var m) ? m.ToString(c) + "m" : null,
            _ => throw new ParameterException($"{notebook}: parameter '{name}' has type {TypeName(type)}; only string, bool, int, long, float, double and decimal parameters can be set from outside the notebook."),
        };
        return literal ?? throw new ParameterException($"{notebook}: parameter '{name}' has type {TypeName(type)} in the '{ParametersTag}' cell, and '{text}' is not a valid {TypeName(type)}. Give a {TypeName(type)} value, e.g. -p {name}={Example(type)}.");
    }

    static string TypeName(Type type) => type switch
    {
        _ when type == typeof(bool) => "bool",
        _ when type == typeof(int) => "int",
        _ when type == typeof(long) => "long",
        _ when type == typeof(double) => "double",
        _ when type == typeof(float) => "float",
        _ when type == typeof(decimal) => "decimal",
        _ => type.FullName ?? type.Name,
    };

    static string Example(Type type) => type == typeof(bool) ? "true" : type == typeof(int) || type == typeof(long) ? "3" : "0.5";
}
