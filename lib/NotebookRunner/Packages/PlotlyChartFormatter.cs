using System.Reflection;
using Microsoft.DotNet.Interactive.Formatting;

namespace NotebookRunner.Packages;

/// <summary>Stands in for the Plotly.NET.Interactive kernel extension (not served): formats Plotly.NET's GenericChart as text/html.</summary>
public static class PlotlyChartFormatter
{
    /// <summary>The package id that names the extension in <c>#r "nuget:"</c>; it is never restored.</summary>
    public const string ExtensionPackage = "Plotly.NET.Interactive";

    static int _enabled;

    /// <summary>Registers the formatter now if Plotly.NET is loaded, else as soon as it loads. Idempotent.</summary>
    public static void Enable()
    {
        if (Interlocked.Exchange(ref _enabled, 1) == 1) return;
        var plotly = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(IsPlotly);
        if (plotly is not null) Register(plotly);
        else AppDomain.CurrentDomain.AssemblyLoad += OnLoad;
    }

    static void OnLoad(object? sender, AssemblyLoadEventArgs e)
    {
        if (!IsPlotly(e.LoadedAssembly)) return;
        AppDomain.CurrentDomain.AssemblyLoad -= OnLoad;
        Register(e.LoadedAssembly);
    }

    static bool IsPlotly(Assembly assembly) => assembly.GetName().Name == "Plotly.NET";

    static void Register(Assembly plotly)
    {
        var chartType = plotly.GetType("Plotly.NET.GenericChart", throwOnError: true)!;
        // F# may compile the GenericChart module beside the type as GenericChartModule; toChartHTML lives in the module.
        var toHtml = new[] { chartType, plotly.GetType("Plotly.NET.GenericChartModule") }
            .OfType<Type>()
            .Select(t => t.GetMethod("toChartHTML", BindingFlags.Public | BindingFlags.Static, [chartType]))
            .FirstOrDefault(m => m is not null)
            ?? throw new MissingMethodException("Plotly.NET has no GenericChart.toChartHTML; the runner's chart formatter supports Plotly.NET 4 to 6.");
        Formatter.Register(chartType, (chart, writer) => writer.Write((string)toHtml.Invoke(null, [chart])!), HtmlFormatter.MimeType);
    }
}
