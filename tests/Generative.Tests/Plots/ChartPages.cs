using System.Text;
using Generative.Plots;
using Plotly.NET;

namespace Generative.Tests.Plots;

/// <summary>Standalone HTML pages with plotly.js inline, as the course's runner exports them, for looking at charts in a browser offline.</summary>
static class ChartPages
{
    /// <summary>Writes a page holding the given HTML outputs in order, plotly.js embedded once in the head.</summary>
    public static string Save(string path, string title, IEnumerable<string> outputs)
    {
        var page = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").Append(title).Append("</title>\n<script type=\"text/javascript\">")
            .Append(PlotlyJs.Source).Append("</script></head>\n<body style=\"font-family:sans-serif\">\n");
        foreach (var output in outputs) page.Append("<div class=\"output\">\n").Append(output).Append("</div>\n");
        page.Append("</body></html>\n");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, page.ToString());
        return path;
    }

    public static string Save(string path, GenericChart chart) => Save(path, Path.GetFileNameWithoutExtension(path), [ChartFormatter.ToEmbeddedHtml(chart)]);
}
