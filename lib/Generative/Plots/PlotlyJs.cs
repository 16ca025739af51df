using System.Text.RegularExpressions;
using Plotly.NET;

namespace Generative.Plots;

/// <summary>The plotly.js bundle that Plotly.NET ships inside its assembly, for pages that must work offline.</summary>
public static partial class PlotlyJs
{
    static readonly Lazy<(string Name, string Version)> Resource = new(FindResource);
    static readonly Lazy<string> Text = new(ReadSource);

    /// <summary>The plotly.js version embedded in Plotly.NET, e.g. "2.28.0".</summary>
    public static string Version => Resource.Value.Version;

    /// <summary>The full minified plotly.js source.</summary>
    public static string Source => Text.Value;

    /// <summary>The plotly CDN address of the same version, used when a notebook front end has no Plotly yet.</summary>
    public static string CdnUrl => $"https://cdn.plot.ly/plotly-{Version}.min.js";

    [GeneratedRegex(@"plotly-(\d+\.\d+\.\d+)\.min\.js$")]
    private static partial Regex BundleName();

    static (string, string) FindResource()
    {
        var assembly = typeof(GenericChart).Assembly;
        foreach (var name in assembly.GetManifestResourceNames())
            if (BundleName().Match(name) is { Success: true } m) return (name, m.Groups[1].Value);
        throw new InvalidOperationException(
            $"No plotly-<version>.min.js resource in {assembly.GetName()}: the course expects Plotly.NET 6.0.0, which embeds plotly.js; check Directory.Packages.props.");
    }

    static string ReadSource()
    {
        using var stream = typeof(GenericChart).Assembly.GetManifestResourceStream(Resource.Value.Name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
