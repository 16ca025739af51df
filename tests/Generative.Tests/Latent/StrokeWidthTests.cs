using Generative.Data;
using Generative.Latent;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Tests.Latent;

public class StrokeWidthTests
{
    static readonly Lazy<Tensor> RealDigits = new(() =>
    {
        using var mnist = Mnist.Load(trainLimit: 1, testLimit: 200, log: TextWriter.Null);
        return mnist.TestImages.view(-1, 1, 28, 28).clone();
    });

    /// <summary>
    /// Strokes drawn with an anti-aliased round pen of <paramref name="pen"/> pixels around polylines given in a unit frame
    /// (x right, y down, within [-1,1]) scaled by <paramref name="scale"/> pixels about the image centre: the same pen at any size.
    /// </summary>
    static Tensor Draw(IEnumerable<(double X, double Y)[]> polylines, double scale, double pen)
    {
        var segments = polylines.SelectMany(line => line.Zip(line.Skip(1))).ToArray();
        var pixels = new float[28 * 28];
        for (int row = 0; row < 28; row++)
            for (int col = 0; col < 28; col++)
            {
                double distance = segments.Min(s => Distance(col, row,
                    13.5 + scale * s.First.X, 13.5 + scale * s.First.Y, 13.5 + scale * s.Second.X, 13.5 + scale * s.Second.Y));
                pixels[row * 28 + col] = (float)Math.Clamp(pen / 2 + 0.5 - distance, 0, 1);
            }
        return tensor(pixels, [1, 1, 28, 28]);
    }

    static double Distance(double px, double py, double ax, double ay, double bx, double by)
    {
        double dx = bx - ax, dy = by - ay;
        double t = Math.Clamp(((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy), 0, 1);
        return Math.Sqrt(Math.Pow(px - ax - t * dx, 2) + Math.Pow(py - ay - t * dy, 2));
    }

    static (double X, double Y)[] Arc(double cx, double cy, double rx, double ry, double fromDegrees, double toDegrees) =>
        Enumerable.Range(0, 25).Select(k => fromDegrees + (toDegrees - fromDegrees) * k / 24.0 * Math.PI / 180)
            .Select(a => (cx + rx * Math.Cos(a), cy + ry * Math.Sin(a))).ToArray();

    /// <summary>Digit-like shapes: a 1, a 7, a 0 (closed ellipse) and a 2 (arc and two lines).</summary>
    public static TheoryData<string> Shapes => new() { "one", "seven", "zero", "two" };

    static (double X, double Y)[][] Shape(string name) => name switch
    {
        "one" => [[(0.1, -1), (-0.1, 1)]],
        "seven" => [[(-0.6, -1), (0.6, -1), (-0.1, 1)]],
        "zero" => [Arc(0, 0, 0.55, 1, 0, 360)],
        "two" => [Arc(0, -0.45, 0.55, 0.55, 180, 400), [(0.5, -0.2), (-0.6, 1), (0.6, 1)]],
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void ScalingADigitUpWithTheSamePenKeepsItsWidthWithinFifteenPercent(string shape)
    {
        const double pen = 2.5;
        using var small = Draw(Shape(shape), scale: 5, pen);
        using var large = Draw(Shape(shape), scale: 11, pen);
        using var both = cat([small, large], 0);
        var width = DigitAttributes.StrokeWidth(both).data<float>().ToArray();
        var ink = DigitAttributes.InkMass(both).data<float>().ToArray();
        // The large digit holds roughly twice the ink, so ink mass cannot pass this test; the width must stay near the pen.
        Assert.True(ink[1] > 1.6 * ink[0], $"the scaled digit should hold much more ink; got {ink[0]:F4} and {ink[1]:F4}");
        Assert.True(Math.Abs(width[1] / width[0] - 1) <= 0.15, $"{shape}: width {width[0]:F2} at the small size, {width[1]:F2} at the large one");
        Assert.All(width, w => Assert.InRange(w, 0.75 * pen, 1.25 * pen));
    }

    [Fact]
    public void DilatingRealDigitsWidensEveryStrokeByAboutTwoPixels()
    {
        var digits = RealDigits.Value[..100];
        using var dilated = nn.functional.max_pool2d(digits, 3, stride: 1, padding: 1);
        var before = DigitAttributes.StrokeWidth(digits).data<float>().ToArray();
        var after = DigitAttributes.StrokeWidth(dilated).data<float>().ToArray();
        // A 3x3 dilation adds a pixel on each side of a stroke, about two pixels of width; more where it closes a loop and shortens the centre line.
        var gains = before.Zip(after, (b, a) => (double)a - b).ToArray();
        Assert.True(gains.Min() > 1.0, $"every digit should widen by more than a pixel; the least widened gained {gains.Min():F2}");
        Assert.InRange(gains.Average(), 1.5, 3.5);
    }

    [Fact]
    public void AnEmptyOrAllInkImageDoesNotBreakTheMeasure()
    {
        using var blank = zeros(1, 1, 28, 28);
        Assert.Equal(0f, DigitAttributes.StrokeWidth(blank).item<float>());
        using var dot = zeros(1, 1, 28, 28);
        dot[0, 0, 13, 13] = 1;
        Assert.True(float.IsFinite(DigitAttributes.StrokeWidth(dot).item<float>()));
    }

    [Fact]
    public void AThresholdOutsideTheInkRangeIsRefused()
    {
        using var blank = zeros(1, 1, 28, 28);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => DigitAttributes.StrokeWidth(blank, threshold: 1));
        Assert.Contains("between 0 and 1", error.Message);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(-0.25)]
    public void ShearingRealDigitsChangesTheirSlantByTheShear(double shear)
    {
        var digits = RealDigits.Value[..100];
        // Output pixel (x, y) samples the input at x + shear·y (normalised coordinates, y down): content moves right by the shear per pixel up.
        using var theta = tensor(new float[] { 1, (float)shear, 0, 0, 1, 0 }, [1, 2, 3]).expand(digits.shape[0], 2, 3);
        using var grid = nn.functional.affine_grid(theta, [digits.shape[0], 1, 28, 28], align_corners: true);
        using var sheared = nn.functional.grid_sample(digits, grid, align_corners: true);
        var before = DigitAttributes.Slant(digits).data<float>().ToArray();
        var after = DigitAttributes.Slant(sheared).data<float>().ToArray();
        var errors = before.Zip(after, (b, a) => Math.Abs(a - b - shear)).ToArray();
        Assert.True(errors.Max() < 0.02, $"slant should change by {shear} per digit; the worst digit was off by {errors.Max():F3}");
    }
}
