using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace Generative.Plots;

/// <summary>Shows Plotly.NET charts as HTML wherever Microsoft.DotNet.Interactive.Formatting formats values: the kernel, Jupyter and the course's runner.</summary>
public static class ChartFormatter
{
    static int _registered;

    /// <summary>Registers the text/html (and short text/plain) formatters for <see cref="GenericChart"/>, <see cref="HtmlOutput"/>, <see cref="Claim"/> and <see cref="ExerciseResult"/>. Idempotent.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(ToEmbeddedHtml(chart)), HtmlFormatter.MimeType);
        Formatter.Register<HtmlOutput>((output, writer) => writer.Write(output.Html), HtmlFormatter.MimeType);
        Formatter.Register<Claim>((claim, writer) => writer.Write(claim.ToHtml().Html), HtmlFormatter.MimeType);
        Formatter.Register<Claim>((claim, writer) => writer.Write(claim.ToString()), PlainTextFormatter.MimeType);
        Formatter.Register<ExerciseResult>((result, writer) => writer.Write(result.ToHtml().Html), HtmlFormatter.MimeType);
        Formatter.Register<ExerciseResult>((result, writer) => writer.Write(result.ToString()), PlainTextFormatter.MimeType);
        // The default plain-text form of a chart is a dump of its whole object tree, which would bloat every saved notebook.
        Formatter.Register<GenericChart>((_, writer) => writer.Write("[Plotly chart]"), PlainTextFormatter.MimeType);
        Formatter.Register<HtmlOutput>((_, writer) => writer.Write("[live chart]"), PlainTextFormatter.MimeType);
    }

    /// <summary>The chart as a self-sufficient HTML fragment: a div and a script that draws with the page's Plotly, loading plotly.js first if the page has none.</summary>
    public static string ToEmbeddedHtml(GenericChart chart) => ToEmbeddedHtml(chart, "plotly-" + Guid.NewGuid().ToString("N"));

    /// <summary>As <see cref="ToEmbeddedHtml(GenericChart)"/>, drawing into the element id <paramref name="id"/>.</summary>
    public static string ToEmbeddedHtml(GenericChart chart, string id)
    {
        var figure = GenericChart.toJson(chart);
        return $"<div id=\"{id}\"></div>\n<script type=\"text/javascript\">\n({Loader})('{id}', {figure}, '{PlotlyJs.CdnUrl}');\n</script>\n";
    }

    // Three cases: Plotly already on the page (the runner's exported pages, or an earlier chart); a require.js page
    // (Jupyter classic), where a plain script tag would trip require's anonymous-define check; otherwise one shared script tag.
    const string Loader = """
        function (id, fig, src) {
          function draw(Plotly) { Plotly.newPlot(id, fig.data, fig.layout, fig.config); }
          if (window.Plotly) { draw(window.Plotly); return; }
          if (typeof window.requirejs === 'function') {
            window.requirejs.config({ paths: { plotly: src.replace(/\.js$/, '') } });
            window.requirejs(['plotly'], function (Plotly) { window.Plotly = window.Plotly || Plotly; draw(Plotly); });
            return;
          }
          window.__plotlyLoading = window.__plotlyLoading || new Promise(function (resolve, reject) {
            var script = document.createElement('script');
            script.src = src;
            script.onload = function () { resolve(window.Plotly); };
            script.onerror = function () { reject(new Error('could not load ' + src)); };
            document.head.appendChild(script);
          });
          window.__plotlyLoading.then(draw, function (e) { document.getElementById(id).textContent = e.message; });
        }
        """;
}
