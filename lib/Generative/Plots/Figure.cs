using DynamicObj;
using Plotly.NET;
using Plotly.NET.LayoutObjects;

namespace Generative.Plots;

/// <summary>Builds Plotly.NET objects by plotly.js attribute name, the readable way to use its F# API from C#.</summary>
/// <remarks>Plotly.NET's optional F# arguments are not optional to C#, so a call like LinearAxis.init would need all of its ~90 arguments spelled out.</remarks>
internal static class Figure
{
    /// <summary>Sets a plotly.js attribute unless <paramref name="value"/> is null, and returns the object for chaining.</summary>
    public static T With<T>(this T obj, string attribute, object? value) where T : DynamicObj.DynamicObj
    {
        if (value is not null) obj.SetProperty(attribute, value);
        return obj;
    }

    public static Title Title(string text) => new Title().With("text", text);

    public static Font Font(double size, string? color = null) => new Font().With("size", size).With("color", color);

    /// <summary>A value axis with a title, like a loss or count axis.</summary>
    public static LinearAxis ValueAxis(string label) => new LinearAxis().With("title", Title(label)).With("zeroline", false);

    /// <summary>A y axis on the x axis's scale, so one unit is as long on both (a latent space keeps its shape).</summary>
    public static LinearAxis EqualScaleAxis(string label) => ValueAxis(label).With("scaleanchor", "x").With("scaleratio", 1);

    /// <summary>An axis over image pixels: no grid or zero line, ticks only where given; the vertical one runs downwards like image rows and is tied to x so pixels stay square.</summary>
    public static LinearAxis ImageAxis(bool vertical, string? label = null, IReadOnlyList<(double At, string Text)>? ticks = null)
    {
        var hasTicks = ticks is { Count: > 0 };
        var axis = new LinearAxis()
            .With("title", label is null ? null : Title(label))
            .With("showgrid", false).With("zeroline", false).With("showline", false)
            .With("ticks", "").With("showticklabels", hasTicks)
            .With("constrain", "domain");
        if (hasTicks)
            axis.With("tickmode", "array").With("tickvals", ticks!.Select(t => t.At).ToArray()).With("ticktext", ticks!.Select(t => t.Text).ToArray());
        if (vertical) axis.With("autorange", "reversed").With("scaleanchor", "x").With("scaleratio", 1);
        return axis;
    }

    public static Margin Margin(int left, int right, int top, int bottom) =>
        new Margin().With("l", left).With("r", right).With("t", top).With("b", bottom);

    /// <summary>A text label centred horizontally on data coordinates; <paramref name="yAnchor"/> "bottom" puts it just above the point.</summary>
    public static Annotation Label(double x, double y, string text, double size = 12, string yAnchor = "middle") =>
        new Annotation().With("x", x).With("y", y).With("text", text).With("showarrow", false)
            .With("font", Font(size, "black")).With("xanchor", "center").With("yanchor", yAnchor);

    /// <summary>A figure holding <paramref name="traces"/> with Plotly.NET's default template.</summary>
    public static GenericChart Of(params Trace[] traces) => GenericChart.ofTraceObjects(true, traces);

    /// <summary>Title, size, axes and optional extras in one place, so every course chart is finished the same way.</summary>
    public static GenericChart Style(GenericChart chart, string title, int width, int height, LinearAxis x, LinearAxis y,
        Margin? margin = null, IEnumerable<Annotation>? annotations = null, bool? showLegend = null, string? background = null)
    {
        if (string.IsNullOrWhiteSpace(title)) throw new ArgumentException("Every chart needs a title: pass a short description of what it shows.", nameof(title));
        // Plotly cuts a title at the figure's edge: widen the figure to the title's length (about 9 px a character at the
        // title's size), up to what a notebook's output area shows.
        width = Math.Max(width, Math.Min(900, 9 * title.Length + 80));
        var layout = new Layout()
            .With("title", Title(title))
            .With("width", width).With("height", height)
            .With("xaxis", x).With("yaxis", y)
            .With("margin", margin)
            .With("annotations", annotations?.ToArray())
            .With("showlegend", showLegend)
            .With("plot_bgcolor", background).With("paper_bgcolor", background);
        return Chart.withLayout(layout).Invoke(chart);
    }
}
