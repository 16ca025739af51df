using System.Text.RegularExpressions;

namespace NotebookRunner.Export;

/// <summary>The vendored KaTeX (Vendor/katex, MIT) as inline script and a stylesheet whose fonts are data: URLs, so pages typeset offline.</summary>
internal static partial class KatexAssets
{
    private const string Prefix = "NotebookRunner.Export.katex.";

    private static readonly Lazy<string> ScriptText = new(() => ReadResource(Prefix + "min.js"));
    private static readonly Lazy<string> StyleText = new(() => InlineFonts(ReadResource(Prefix + "min.css")));

    /// <summary>katex.min.js.</summary>
    public static string Script => ScriptText.Value;

    /// <summary>katex.min.css with each font face reduced to its woff2 file, embedded.</summary>
    public static string Style => StyleText.Value;

    // Every browser that runs plotly.js reads woff2, so the woff/ttf fallbacks would only add weight.
    [GeneratedRegex("""src:url\(fonts/(?<file>[^)]+\.woff2)\) format\("woff2"\)[^;}]*""")]
    private static partial Regex FontSource();

    private static string InlineFonts(string css) => FontSource().Replace(css, m =>
    {
        var bytes = ReadResourceBytes(Prefix + "fonts." + m.Groups["file"].Value);
        return $"src:url(data:font/woff2;base64,{Convert.ToBase64String(bytes)}) format(\"woff2\")";
    });

    private static string ReadResource(string name) => System.Text.Encoding.UTF8.GetString(ReadResourceBytes(name));

    private static byte[] ReadResourceBytes(string name)
    {
        using var stream = typeof(KatexAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from the runner; check Export/Export.targets and Export/Vendor/katex.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
