using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Plots;

/// <summary>A batch of grayscale images copied out of a tensor, ready to be laid out on a canvas.</summary>
internal sealed record ImagePixels(float[] Values, int Count, int Height, int Width)
{
    /// <summary>Reads [N,1,H,W], [N,H,W] or flat [N,H*W] (square images) tensors, clamped to [0,1].</summary>
    public static ImagePixels From(Tensor images, string what = "images")
    {
        ArgumentNullException.ThrowIfNull(images, what);
        var shape = images.shape;
        (int n, int h, int w) = shape.Length switch
        {
            4 when shape[1] == 1 => ((int)shape[0], (int)shape[2], (int)shape[3]),
            3 => ((int)shape[0], (int)shape[1], (int)shape[2]),
            2 when IsSquare(shape[1]) => ((int)shape[0], (int)Math.Sqrt(shape[1]), (int)Math.Sqrt(shape[1])),
            _ => throw new ArgumentException(
                $"{what} must be grayscale images shaped [N,1,H,W], [N,H,W] or [N,H*W] with square images; got [{string.Join(",", shape)}].", what),
        };
        if (n == 0) throw new ArgumentException($"{what} is empty: pass at least one image.", what);
        using var scope = torch.NewDisposeScope();
        var values = images.detach().to(torch.CPU).to_type(ScalarType.Float32).clamp(0, 1).contiguous().data<float>().ToArray();
        return new ImagePixels(values, n, h, w);
    }

    /// <summary>Pixel (row, col) of image <paramref name="index"/>.</summary>
    public float this[int index, int row, int col] => Values[(index * Height + row) * Width + col];

    static bool IsSquare(long d) => d > 0 && (long)Math.Sqrt(d) * (long)Math.Sqrt(d) == d;
}
