using Plotly.NET;

namespace Generative.Plots;

/// <summary>A chart redrawn as training goes, e.g. once per epoch, of which a notebook shows only the newest drawing.</summary>
/// <remarks>
/// Every redraw is a new output, never an update of the first one: in the final .NET Interactive kernel,
/// <c>display(x).Update(y)</c> sends its updates under an id no output has, so Jupyter (nbclient, JupyterLab) drops them
/// and the notebook keeps the first epoch's chart, while VS Code appends the first update and replaces only that one.
/// Each output carries this chart's key and a sequence number, and a short script hides every output of the same key
/// but the newest, so every front end that runs the outputs' scripts (which the charts themselves need) shows one chart
/// with the latest data.
/// </remarks>
public sealed class LiveChart
{
    int _sequence;

    /// <summary>The stable key written into every output of this chart as <c>data-live-chart</c>.</summary>
    public string Key { get; } = Guid.NewGuid().ToString("N");

    /// <summary>The most recently shown chart.</summary>
    public GenericChart? Current { get; private set; }

    /// <summary>Shows <paramref name="chart"/> as this chart's newest output, which hides the older ones.</summary>
    public void Show(GenericChart chart)
    {
        Current = chart;
        if (!NotebookDisplay.Available) return; // nothing to draw on, so skip building HTML
        ChartFormatter.Register(); // the host formats the output through it
        NotebookDisplay.Show(Render(chart));
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
