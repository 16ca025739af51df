using Plotly.NET;
using static TorchSharp.torch;

namespace Generative.Plots;

/// <summary>A grid of grayscale images (samples, reconstructions, centroids), optionally captioned.</summary>
public static class ImageGrid
{
    /// <summary>Empty canvas pixels between neighbouring tiles.</summary>
    public const int Gap = 1;

    /// <summary>Tiles <paramref name="images"/> ([N,1,H,W] in [0,1]) row by row, <paramref name="columns"/> per row, with an optional caption above each.</summary>
    public static GenericChart Show(Tensor images, int columns, string title, IReadOnlyList<string>? captions = null)
    {
        var pixels = ImagePixels.From(images, nameof(images));
        if (columns <= 0) throw new ArgumentOutOfRangeException(nameof(columns), $"columns must be positive; got {columns}.");
        if (captions is not null && captions.Count != pixels.Count)
            throw new ArgumentException($"Got {captions.Count} captions for {pixels.Count} images: pass one caption per image, or none.", nameof(captions));
        return Draw(pixels, columns, title, captions);
    }

    // Not TorchVision's utils.make_grid (TorchVision 0.107.0): it fills the gaps with a pixel value, where the canvas leaves them
    // empty so that a black digit's edge shows against them, it leaves no band for captions, and it returns three channels for
    // grayscale input, which the heatmap would have to undo.
    internal static GenericChart Draw(ImagePixels pixels, int columns, string title, IReadOnlyList<string>? captions = null)
    {
        columns = Math.Min(columns, pixels.Count);
        var rows = (pixels.Count + columns - 1) / columns;
        var band = captions is null ? 0 : Math.Max(6, pixels.Height / 3); // room for a caption line above each tile
        var canvas = new ImageCanvas(columns * (pixels.Width + Gap) - Gap, rows * (pixels.Height + band + Gap) - Gap);
        for (var k = 0; k < pixels.Count; k++)
        {
            var (top, left) = TileOrigin(k, columns, pixels.Height, pixels.Width, band);
            canvas.Place(pixels, k, top, left);
            if (captions is not null)
                canvas.Label(left + (pixels.Width - 1) / 2.0, top - 0.5, captions[k], size: 11, yAnchor: "bottom");
        }
        return canvas.ToChart(title);
    }

    /// <summary>Canvas row and column of the top-left pixel of tile <paramref name="k"/>.</summary>
    internal static (int Top, int Left) TileOrigin(int k, int columns, int height, int width, int captionBand) =>
        ((k / columns) * (height + captionBand + Gap) + captionBand, (k % columns) * (width + Gap));
}
