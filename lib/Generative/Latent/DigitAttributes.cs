using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Latent;

/// <summary>Measurable properties of digit images [N,1,H,W] in [0,1], each a vector [N]: used to check whether latent arithmetic changed what it should.</summary>
public static class DigitAttributes
{
    /// <summary>Mean intensity per image: the course's proxy for stroke thickness (a thicker pen puts down more ink).</summary>
    public static Tensor InkMass(Tensor images)
    {
        Check(images);
        return images.mean([1, 2, 3]);
    }

    /// <summary>Intensity-weighted centre of each image in pixel coordinates: column X (left to right) and row Y (top to bottom), each [N]; the image centre for a blank image.</summary>
    public static (Tensor X, Tensor Y) Centroid(Tensor images)
    {
        Check(images);
        using var scope = NewDisposeScope();
        var (weights, total, cols, rows) = Grid(images);
        var x = where(total > 0, (weights * cols).sum([1, 2]) / total.clamp_min(1e-12), (images.shape[3] - 1) / 2.0);
        var y = where(total > 0, (weights * rows).sum([1, 2]) / total.clamp_min(1e-12), (images.shape[2] - 1) / 2.0);
        return (x.MoveToOuterDisposeScope(), y.MoveToOuterDisposeScope());
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
