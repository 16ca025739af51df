using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.CSharp;

namespace NotebookRunner.Parameters;

/// <summary>Turns parameter values into C# literals: numbers and booleans as they are, anything else as a string.</summary>
public static class CSharpLiteral
{
    /// <summary>The literal for a <c>-p name=value</c> value.</summary>
    public static string FromText(string value)
    {
        var trimmed = value.Trim();
        if (trimmed is "true" or "false") return trimmed;
        if (long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)) return trimmed;
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) && !trimmed.EndsWith('.'))
            return trimmed;
        return SymbolDisplay.FormatLiteral(value, quote: true);
    }

    /// <summary>The literal for a smoke override from notebook metadata (a JSON number, boolean or string).</summary>
    public static string FromJson(JsonNode? value, string where) => value?.GetValueKind() switch
    {
        JsonValueKind.Number => value.ToJsonString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.String => SymbolDisplay.FormatLiteral(value.GetValue<string>(), quote: true),
        _ => throw new Execution.NotebookException($"{where}: a smoke override must be a number, a boolean or a string, not {value?.ToJsonString() ?? "null"}."),
    };
}
