using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Latent;

/// <summary>Measurable properties of digit images [N,1,H,W] in [0,1], each a vector [N]: used to check whether latent arithmetic changed what it should.</summary>
public static class DigitAttributes
{
    /// <summary>Mean intensity per image: how much ink a digit holds. It grows with a thicker pen but also with a larger digit; <see cref="StrokeWidth"/> measures the pen alone.</summary>
    public static Tensor InkMass(Tensor images)
    {
        Check(images);
        return images.mean([1, 2, 3]);
    }

    /// <summary>
    /// Stroke width in pixels: the ink (sum of intensities) over the length of the stroke's centre line, the Zhang–Suen skeleton of the
    /// image binarised at <paramref name="threshold"/>. A stroke of width w and length L holds about w·L of ink, so the ratio is w at any
    /// digit size, where <see cref="InkMass"/> (w·L per image) grows with L: a large thin digit and a small thick one have the same ink.
    /// Thinning eats about w/2 of skeleton at each free end of a stroke, so each end adds w/2 back to the length and w solves
    /// ink = w·(length + ends·w/2). Chosen over 2·area/perimeter because a pixel outline's length depends on the stroke's direction (a
    /// diagonal edge is a staircase √2 times too long) while the skeleton's links are weighted by their true step length. 0 for a blank image.
    /// </summary>
    /// <param name="images">Digits [N,1,H,W] with ink in [0,1].</param>
    /// <param name="threshold">Intensity above which a pixel is stroke when finding the centre line.</param>
    public static Tensor StrokeWidth(Tensor images, double threshold = 0.5)
    {
        Check(images);
        if (!(threshold > 0 && threshold < 1))
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "the binarising threshold must lie strictly between 0 and 1 (ink is in [0,1]); 0.5 is the usual choice");
        int n = (int)images.shape[0], height = (int)images.shape[2], width = (int)images.shape[3];
        using var pixels = images.to_type(ScalarType.Float32).cpu().contiguous();
        var values = pixels.data<float>().ToArray();
        var widths = new float[n];
        var ink = new bool[height * width];
        for (int i = 0; i < n; i++)
        {
            var image = values.AsSpan(i * height * width, height * width);
            double mass = 0;
            for (int k = 0; k < image.Length; k++)
            {
                mass += image[k];
                ink[k] = image[k] > threshold;
            }
            Skeleton.Thin(ink, height, width);
            var (length, ends) = Skeleton.Measure(ink, height, width);
            widths[i] = (float)(ends == 0 ? (length > 0 ? mass / length : 0) : (Math.Sqrt(length * length + 2 * ends * mass) - length) / ends);
        }
        return tensor(widths, device: images.device);
    }

    /// <summary>
    /// Slant from second-order central moments: -mu11 / mu02 with x the column and y the row, i.e. how many pixels the stroke moves right
    /// per pixel it rises. Positive = leaning right (top to the right of the bottom, like italics), negative = leaning left, 0 = upright;
    /// it is the tangent of the lean angle from vertical. 0 for a blank image.
    /// </summary>
    public static Tensor Slant(Tensor images)
    {
        Check(images);
        using var scope = NewDisposeScope();
        var (weights, total, cols, rows) = Grid(images);
        var safeTotal = total.clamp_min(1e-12);
        var dx = cols - ((weights * cols).sum([1, 2]) / safeTotal).view(-1, 1, 1);
        var dy = rows - ((weights * rows).sum([1, 2]) / safeTotal).view(-1, 1, 1);
        var mu11 = (weights * dx * dy).sum([1, 2]);
        var mu02 = (weights * dy.square()).sum([1, 2]);
        // Rows grow downwards, so a rightward lean pairs larger x with smaller row: mu11 < 0, hence the minus sign.
        return where(mu02 > 0, -mu11 / mu02.clamp_min(1e-12), 0.0).MoveToOuterDisposeScope();
    }

    static (Tensor Weights, Tensor Total, Tensor Cols, Tensor Rows) Grid(Tensor images)
    {
        var weights = images.squeeze(1).to_type(ScalarType.Float32);
        var cols = arange(images.shape[3], dtype: ScalarType.Float32, device: images.device).view(1, 1, -1);
        var rows = arange(images.shape[2], dtype: ScalarType.Float32, device: images.device).view(1, -1, 1);
        return (weights, weights.sum([1, 2]), cols, rows);
    }

    static void Check(Tensor images)
    {
        if (images.dim() != 4 || images.shape[1] != 1)
            throw new ArgumentException($"images must be [N,1,H,W]; got [{string.Join(",", images.shape)}]. Reshape a batch of flat vectors with .view(-1, 1, 28, 28).", nameof(images));
    }
}
