using Plotly.NET;
using Plotly.NET.LayoutObjects;

namespace Generative.Plots;

/// <summary>A blank grayscale canvas on which images are placed and labelled, drawn as one unsmoothed heatmap with square pixels.</summary>
/// <remarks>Cells no image covers stay empty (null), so plotly leaves them transparent: that is how gaps between tiles show.</remarks>
internal sealed class ImageCanvas
{
    const double MaxPlotWidth = 820, MaxPlotHeight = 600, MaxPixelSize = 6;
    readonly double?[][] _z;
    readonly List<Annotation> _labels = [];

    public ImageCanvas(int width, int height)
    {
        if (width <= 0 || height <= 0) throw new ArgumentException($"A canvas needs a positive size; got {width}x{height}.");
        Width = width;
        Height = height;
        _z = Enumerable.Range(0, height).Select(_ => new double?[width]).ToArray();
    }

    public int Width { get; }
    public int Height { get; }

    /// <summary>Screen pixels per image pixel: as large as fits a notebook cell, at least one and at most six.</summary>
    public double PixelSize => Math.Clamp(Math.Min(MaxPlotWidth / Width, MaxPlotHeight / Height), 1, MaxPixelSize);

    /// <summary>Copies image <paramref name="index"/> of <paramref name="images"/> with its top-left corner at (<paramref name="top"/>, <paramref name="left"/>).</summary>
    public void Place(ImagePixels images, int index, int top, int left)
    {
        if (top < 0 || left < 0 || top + images.Height > Height || left + images.Width > Width)
            throw new ArgumentOutOfRangeException(nameof(top), $"An {images.Height}x{images.Width} image at ({top},{left}) does not fit a {Height}x{Width} canvas.");
        for (var r = 0; r < images.Height; r++)
        {
            var row = _z[top + r];
            for (var c = 0; c < images.Width; c++)
                row[left + c] = Math.Round(images[index, r, c], 3); // three digits are below what a screen shows and keep the HTML small
        }
    }

    /// <summary>Writes <paramref name="text"/> at canvas coordinates (x = column, y = row).</summary>
    public void Label(double x, double y, string text, double size = 12, string yAnchor = "middle") =>
        _labels.Add(Figure.Label(x, y, text, size, yAnchor));

    /// <summary>The canvas as a finished chart; labels and ticks are optional and off by default to keep images clean.</summary>
    public GenericChart ToChart(string title, string? xLabel = null, string? yLabel = null,
        IReadOnlyList<(double At, string Text)>? xTicks = null, IReadOnlyList<(double At, string Text)>? yTicks = null, int extraLeft = 0)
    {
        var heatmap = new Trace2D("heatmap")
            .With("z", _z)
            .With("zmin", 0.0).With("zmax", 1.0)
            .With("colorscale", new object[] { new object[] { 0.0, "black" }, new object[] { 1.0, "white" } })
            .With("showscale", false)
            .With("zsmooth", false)
            .With("hoverongaps", false)
            .With("hovertemplate", "row %{y}, column %{x}: %{z}<extra></extra>");
        var left = 20 + extraLeft + (yLabel is null ? 0 : 24) + (yTicks is { Count: > 0 } ? 40 : 0);
        var bottom = 16 + (xLabel is null ? 0 : 24) + (xTicks is { Count: > 0 } ? 20 : 0);
        const int right = 20, top = 56;
        var size = PixelSize;
        return Figure.Style(Figure.Of(heatmap), title,
            width: (int)Math.Ceiling(Width * size) + left + right,
            height: (int)Math.Ceiling(Height * size) + top + bottom,
            x: Figure.ImageAxis(vertical: false, xLabel, xTicks),
            y: Figure.ImageAxis(vertical: true, yLabel, yTicks),
            margin: Figure.Margin(left, right, top, bottom),
            annotations: _labels,
            background: "white");
    }
}
