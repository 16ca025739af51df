using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Generative.Setup;
using Markdig;
using NotebookRunner.Execution;

namespace NotebookRunner.Export;

/// <summary>Renders an executed nbformat 4 notebook as a self-contained page that works offline: markdown, typeset LaTeX, code and outputs, charts.</summary>
public static partial class HtmlExport
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().UseMathematics().Build();

    // Richest first: what Jupyter itself prefers when several representations of one value exist.
    private static readonly string[] MimeOrder = ["text/html", "image/png", "image/jpeg", "image/svg+xml", "text/markdown", "text/latex", "application/json", "text/plain"];

    /// <summary>The page for a notebook given as JSON text; <paramref name="title"/> names it in the header and the tab.</summary>
    public static string ToHtml(string executedIpynbJson, string title)
    {
        var notebook = JsonNode.Parse(executedIpynbJson) as JsonObject
            ?? throw new ArgumentException("The notebook JSON is not an object: expected an nbformat 4 notebook.", nameof(executedIpynbJson));
        if (notebook["nbformat"]?.GetValue<int>() is not 4)
            throw new ArgumentException($"Only nbformat 4 notebooks can be exported; this one declares nbformat {notebook["nbformat"]?.ToJsonString() ?? "nothing"}.", nameof(executedIpynbJson));
        var cells = notebook["cells"] as JsonArray ?? [];
        var hasCharts = cells.Any(c => Outputs(c).Any(IsChart));

        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(title)).Append("</title>\n")
            .Append("<style>").Append(PageStyle.Css).Append("</style>\n")
            .Append("<style>").Append(KatexAssets.Style).Append("</style>\n")
            .Append("<script>").Append(InlineScript(KatexAssets.Script)).Append("</script>\n");
        // Chart outputs call Plotly.newPlot as soon as they are parsed, so plotly.js must come before them, once.
        if (hasCharts) page.Append("<script>").Append(InlineScript(PlotlyJs.Source)).Append("</script>\n");
        page.Append("</head>\n<body>\n<header>\n<h1>").Append(Encode(title)).Append("</h1>\n");
        AppendRunInfo(page, notebook["metadata"]);
        page.Append("</header>\n<main>\n");
        foreach (var cell in cells.OfType<JsonObject>()) AppendCell(page, cell);
        page.Append("</main>\n<script>").Append(PageStyle.MathScript).Append("</script>\n</body>\n</html>\n");
        return page.ToString();
    }

    /// <summary>Exports the notebook at <paramref name="executedIpynbPath"/> to <paramref name="htmlPath"/>, replacing it atomically; the title is the notebook's file name.</summary>
    public static void Write(string executedIpynbPath, string htmlPath)
    {
        var html = ToHtml(File.ReadAllText(executedIpynbPath), Path.GetFileNameWithoutExtension(executedIpynbPath));
        AtomicFile.WriteAllText(htmlPath, html);
    }

    private static void AppendRunInfo(StringBuilder page, JsonNode? metadata)
    {
        // The runner records how it ran the notebook under its metadata key (status, profile, start, seconds); absent for a notebook saved by an editor.
        if (metadata?[NotebookExecutor.MetadataKey] is not JsonObject runner) return;
        var facts = runner.Where(p => p.Value is JsonValue).Select(p => $"{Encode(p.Key)}: <b>{Encode(Text(p.Value))}</b>").ToList();
        if (facts.Count > 0) page.Append("<p class=\"run-info\">").AppendJoin(" · ", facts).Append("</p>\n");
    }

    private static void AppendCell(StringBuilder page, JsonObject cell)
    {
        var source = Text(cell["source"]);
        switch (cell["cell_type"]?.GetValue<string>())
        {
            case "markdown":
                page.Append("<section class=\"cell markdown\">\n").Append(Markdig.Markdown.ToHtml(source, Markdown)).Append("</section>\n");
                break;
            case "code":
                var count = cell["execution_count"] is JsonValue n && n.TryGetValue<int>(out var c) ? c.ToString() : " ";
                page.Append("<section class=\"cell code\">\n<div class=\"input\"><span class=\"prompt\">In [").Append(count).Append("]:</span>")
                    .Append("<pre class=\"source\"><code class=\"language-csharp\">").Append(Encode(source)).Append("</code></pre></div>\n");
                var outputs = Outputs(cell).ToList();
                if (outputs.Count > 0)
                {
                    page.Append("<div class=\"outputs\">\n");
                    foreach (var output in outputs) AppendOutput(page, output);
                    page.Append("</div>\n");
                }
                page.Append("</section>\n");
                break;
            default:
                page.Append("<section class=\"cell raw\"><pre>").Append(Encode(source)).Append("</pre></section>\n");
                break;
        }
    }

    private static void AppendOutput(StringBuilder page, JsonObject output)
    {
        switch (output["output_type"]?.GetValue<string>())
        {
            case "stream":
                var name = output["name"]?.GetValue<string>() == "stderr" ? "stderr" : "stdout";
                page.Append("<pre class=\"output stream ").Append(name).Append("\">").Append(Encode(StripAnsi(Text(output["text"])))).Append("</pre>\n");
                break;
            case "error":
                var traceback = (output["traceback"] as JsonArray)?.Select(Text).ToList() ?? [];
                var body = traceback.Count > 0
                    ? string.Join("\n", traceback)
                    : $"{Text(output["ename"])}: {Text(output["evalue"])}";
                page.Append("<pre class=\"output error\">").Append(Encode(StripAnsi(body))).Append("</pre>\n");
                break;
            case "execute_result":
            case "display_data":
                page.Append("<div class=\"output ").Append(output["output_type"]!.GetValue<string>().Replace('_', '-')).Append("\">");
                AppendRichData(page, output["data"] as JsonObject);
                page.Append("</div>\n");
                break;
        }
    }

    private static void AppendRichData(StringBuilder page, JsonObject? data)
    {
        var mime = MimeOrder.FirstOrDefault(m => data?[m] is not null);
        if (mime is null) return;
        var value = Text(data![mime]);
        page.Append(mime switch
        {
            "text/html" or "image/svg+xml" => value,
            "image/png" or "image/jpeg" => $"<img alt=\"output image\" src=\"data:{mime};base64,{WhitespaceRun().Replace(value, "")}\">",
            "text/markdown" => Markdig.Markdown.ToHtml(value, Markdown),
            "text/latex" => $"<div class=\"math\">{Encode(value)}</div>",
            "application/json" => $"<pre class=\"json\">{Encode(data[mime]!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }))}</pre>",
            _ => $"<pre class=\"text\">{Encode(StripAnsi(value))}</pre>",
        });
    }

    private static IEnumerable<JsonObject> Outputs(JsonNode? cell) => (cell?["outputs"] as JsonArray)?.OfType<JsonObject>() ?? [];

    private static bool IsChart(JsonObject output) =>
        output["data"]?["text/html"] is { } html && Text(html).Contains("Plotly", StringComparison.Ordinal);

    /// <summary>nbformat stores multi-line text either as one string or as a list of lines that already end in newlines.</summary>
    private static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>())),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        null => "",
        _ => node.ToJsonString(),
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    // A script body ends at the first "</script", whatever the JavaScript around it means.
    private static string InlineScript(string js) => js.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);

    private static string StripAnsi(string text) => AnsiEscape().Replace(text, "");

    [GeneratedRegex(@"\x1b\[[0-9;]*[A-Za-z]")]
    private static partial Regex AnsiEscape();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();
}
