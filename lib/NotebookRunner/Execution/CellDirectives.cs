using System.Text;
using System.Text.RegularExpressions;

namespace NotebookRunner.Execution;

/// <summary>A NuGet package named by <c>#r "nuget: Id, Version"</c>; a null version takes the latest.</summary>
public sealed record PackageReference(string Id, string? Version);

/// <summary>A cell's kernel directives (<c>#r</c>, <c>#i</c>, <c>#!</c> magics) taken out of its code, which keeps its line numbers.</summary>
public sealed partial record CellDirectives(
    string Code,
    IReadOnlyList<PackageReference> Packages,
    IReadOnlyList<string> AssemblyPaths,
    IReadOnlyList<string> Sources)
{
    /// <summary>Magics the C# kernel runs as C#; every other <c>#!</c> magic needs another kernel.</summary>
    static readonly HashSet<string> CSharpMagics = new(StringComparer.OrdinalIgnoreCase) { "#!csharp", "#!c#" };

    /// <summary>Splits <paramref name="source"/> into C# code and directives; <paramref name="where"/> (notebook and cell) goes into errors.</summary>
    public static CellDirectives Parse(string source, string where)
    {
        var packages = new List<PackageReference>();
        var paths = new List<string>();
        var sources = new List<string>();
        var code = new StringBuilder();
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var trimmed = line.Trim();
            var keep = true;
            if (trimmed.StartsWith("#!"))
            {
                var magic = trimmed.Split(' ', 2)[0];
                if (!CSharpMagics.Contains(magic))
                    throw new NotebookException($"{where}, line {i + 1}: the magic command '{magic}' is not supported; the runner executes C# only. Remove it, or move that code into a C# cell ('#!csharp' is accepted).");
                keep = false;
            }
            else if (Directive().Match(trimmed) is { Success: true } m)
            {
                var kind = m.Groups["kind"].Value;
                var argument = m.Groups["arg"].Value.Trim();
                var isNuget = argument.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase);
                var value = isNuget ? argument["nuget:".Length..].Trim() : argument;
                if (kind == "i") sources.Add(value);
                else if (isNuget) packages.Add(ParsePackage(value, where, i + 1));
                else paths.Add(value);
                keep = false;
            }
            // A blank line in place of a directive keeps compiler line numbers equal to the cell's.
            code.Append(keep ? line : "");
            if (i < lines.Length - 1) code.Append('\n');
        }
        return new CellDirectives(code.ToString(), packages, paths, sources);
    }

    static PackageReference ParsePackage(string spec, string where, int line)
    {
        var parts = spec.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length > 2 || parts[0].Length == 0)
            throw new NotebookException($"{where}, line {line}: '#r \"nuget: {spec}\"' is not a package reference; write '#r \"nuget: Id, Version\"'.");
        return new PackageReference(parts[0], parts.Length == 2 && parts[1].Length > 0 ? parts[1] : null);
    }

    [GeneratedRegex("""^#(?<kind>[ri])\s+"(?<arg>[^"]*)"\s*$""")]
    private static partial Regex Directive();
}
