using Plotly.NET;

namespace Generative.Plots;

/// <summary>One notebook output that is redrawn in place, e.g. once per training epoch.</summary>
/// <remarks>
/// The final .NET Interactive kernel appends a new output on every update instead of replacing the old one. Each output
/// therefore carries this chart's key and a sequence number, and a short script hides every output of the same key but
/// the newest, so VS Code shows one growing chart. Hosts that really replace outputs keep exactly one.
/// </remarks>
public sealed class LiveChart
{
    Action<object>? _update;
    int _sequence;

    /// <summary>The stable key written into every output of this chart as <c>data-live-chart</c>.</summary>
    public string Key { get; } = Guid.NewGuid().ToString("N");

    /// <summary>The most recently shown chart.</summary>
    public GenericChart? Current { get; private set; }

    /// <summary>Shows <paramref name="chart"/>: the first call creates the output, later calls update it.</summary>
    public void Show(GenericChart chart)
    {
        Current = chart;
        if (!NotebookDisplay.Available) return; // nothing to draw on, so skip building HTML
        ChartFormatter.Register(); // the host formats the output through it
        var html = Render(chart);
        if (_update is null) _update = NotebookDisplay.Show(html);
        else _update(html);
    }

    /// <summary>The next output for <paramref name="chart"/>: the chart's HTML wrapped with this chart's key and the hiding script.</summary>
    public HtmlOutput Render(GenericChart chart)
    {
        var sequence = ++_sequence;
        var id = $"live-{Key}-{sequence}";
        return new HtmlOutput(
            $"<div data-live-chart=\"{Key}\" data-live-seq=\"{sequence}\">\n{ChartFormatter.ToEmbeddedHtml(chart, id)}</div>\n" +
            $"<script type=\"text/javascript\">({HideOlder})('{Key}');</script>\n");
    }

    // Outputs may live in shadow roots (some front ends isolate each output), so the search walks into them.
    const string HideOlder = """
        function (key) {
          var found = [];
          (function walk(root) {
            root.querySelectorAll('[data-live-chart="' + key + '"]').forEach(function (el) { found.push(el); });
            root.querySelectorAll('*').forEach(function (el) { if (el.shadowRoot) walk(el.shadowRoot); });
          })(document);
          var newest = Math.max.apply(null, found.map(function (el) { return +el.getAttribute('data-live-seq'); }));
          found.forEach(function (el) {
            if (+el.getAttribute('data-live-seq') < newest && el.style.display !== 'none') {
              el.style.display = 'none';
              if (window.Plotly) el.querySelectorAll('.js-plotly-plot').forEach(function (p) { window.Plotly.purge(p); });
            }
          });
        }
        """;
}
