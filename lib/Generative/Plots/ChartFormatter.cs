using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace Generative.Plots;

/// <summary>Shows Plotly.NET charts as HTML wherever Microsoft.DotNet.Interactive.Formatting formats values: the kernel, Jupyter and the course's runner.</summary>
public static class ChartFormatter
{
    static int _registered;

    /// <summary>Registers the text/html formatter for <see cref="GenericChart"/>. Idempotent.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(ToEmbeddedHtml(chart)), HtmlFormatter.MimeType);
    }

    /// <summary>The chart as an HTML fragment that loads plotly.js through require or a script tag, as notebook front ends expect.</summary>
    public static string ToEmbeddedHtml(GenericChart chart) => GenericChart.toChartHTML(chart);
}
