using System.Text.Json;
using Plotly.NET;

namespace Generative.Tests.Plots;

/// <summary>A chart's plotly figure parsed back, so tests check what the browser will get.</summary>
sealed class ChartJson
{
    public ChartJson(GenericChart chart) => Root = JsonDocument.Parse(GenericChart.toJson(chart)).RootElement;

    public JsonElement Root { get; }
    public JsonElement[] Traces => Root.GetProperty("data").EnumerateArray().ToArray();
    public JsonElement Layout => Root.GetProperty("layout");
    public string Title => Layout.GetProperty("title").GetProperty("text").GetString()!;
    public string? AxisTitle(string axis) =>
        Layout.GetProperty(axis).TryGetProperty("title", out var t) ? t.GetProperty("text").GetString() : null;
    public string[] TraceTypes => Traces.Select(t => t.GetProperty("type").GetString()!).ToArray();
    public IEnumerable<string> Annotations => Layout.TryGetProperty("annotations", out var a)
        ? a.EnumerateArray().Select(x => x.GetProperty("text").GetString()!) : [];

    /// <summary>The heatmap's z as numbers, with NaN for empty cells.</summary>
    public double[][] Z(int trace = 0) => Traces[trace].GetProperty("z").EnumerateArray()
        .Select(row => row.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble()).ToArray()).ToArray();

    /// <summary>Asserts the figure draws images the course's way: unsmoothed grayscale heatmap, square pixels, rows downwards.</summary>
    public void AssertImageFigure()
    {
        var heatmap = Assert.Single(Traces);
        Assert.Equal("heatmap", heatmap.GetProperty("type").GetString());
        Assert.False(heatmap.GetProperty("zsmooth").GetBoolean());
        Assert.Equal(0, heatmap.GetProperty("zmin").GetDouble());
        Assert.Equal(1, heatmap.GetProperty("zmax").GetDouble());
        var y = Layout.GetProperty("yaxis");
        Assert.Equal("reversed", y.GetProperty("autorange").GetString());
        Assert.Equal("x", y.GetProperty("scaleanchor").GetString());
        Assert.Equal(1, y.GetProperty("scaleratio").GetDouble());
        Assert.True(Layout.GetProperty("width").GetInt32() > 0);
        Assert.True(Layout.GetProperty("height").GetInt32() > 0);
    }
}
