using Generative.Latent;
using TorchSharp;
using Generative.Plots;
using static TorchSharp.torch;

namespace Generative.Tests.Plots;

public class ImageChartsTests
{
    /// <summary>Image k is filled with k/10 plus a marker pixel, so its place in the grid can be found.</summary>
    static Tensor Numbered(int n, int h, int w)
    {
        var images = torch.arange(n, ScalarType.Float32).div(10).reshape(n, 1, 1, 1).expand(n, 1, h, w).clone();
        images[TensorIndex.Colon, 0, 0, 1] = torch.tensor(1f); // top row, second column: tells rows from columns
        return images;
    }

    [Fact]
    public void Image_grid_puts_image_k_at_its_tile()
    {
        using var scope = torch.NewDisposeScope();
        const int n = 7, h = 5, w = 4, columns = 3;
        var json = new ChartJson(ImageGrid.Show(Numbered(n, h, w), columns, "numbered"));
        json.AssertImageFigure();
        Assert.Equal("numbered", json.Title);
        var z = json.Z();
        Assert.Equal(3 * h + 2 * ImageGrid.Gap, z.Length);
        Assert.Equal(columns * w + 2 * ImageGrid.Gap, z[0].Length);
        for (var k = 0; k < n; k++)
        {
            var (top, left) = ((k / columns) * (h + ImageGrid.Gap), (k % columns) * (w + ImageGrid.Gap));
            Assert.Equal(1.0, z[top][left + 1]);
            Assert.Equal(k / 10.0, z[top + h - 1][left + w - 1], 3);
            Assert.Equal(k / 10.0, z[top][left], 3);
        }
        Assert.True(double.IsNaN(z[0][w]), "the gap column between tiles should be empty");
        Assert.True(double.IsNaN(z[2 * (h + 1)][w * 2]), "tiles past the last image should be empty");
    }

    [Fact]
    public void Image_grid_captions_become_annotations_and_are_checked()
    {
        using var scope = torch.NewDisposeScope();
        var images = torch.rand(4, 1, 6, 6);
        var json = new ChartJson(ImageGrid.Show(images, 2, "captioned", ["a", "b", "c", "d"]));
        json.AssertImageFigure();
        Assert.Equal(["a", "b", "c", "d"], json.Annotations.ToArray());
        var error = Assert.Throws<ArgumentException>(() => ImageGrid.Show(images, 2, "captioned", ["a"]));
        Assert.Contains("one caption per image", error.Message);
    }

    [Fact]
    public void Image_grid_rejects_colour_images_with_a_clear_message()
    {
        using var scope = torch.NewDisposeScope();
        var error = Assert.Throws<ArgumentException>(() => ImageGrid.Show(torch.rand(2, 3, 4, 4), 2, "rgb"));
        Assert.Contains("[2,3,4,4]", error.Message);
    }

    [Fact]
    public void Manifold_grid_decodes_gaussian_quantiles_with_z2_upwards()
    {
        using var scope = torch.NewDisposeScope();
        const int n = 4;
        Tensor? seen = null;
        // Encodes the code in the image: pixel (0,0) is sigmoid(z1), pixel (0,1) is sigmoid(z2).
        Tensor Decode(Tensor z)
        {
            seen = z.clone().MoveToOuterDisposeScope();
            var img = torch.zeros(z.shape[0], 1, 3, 3);
            img[TensorIndex.Colon, 0, 0, 0] = z[TensorIndex.Colon, 0].sigmoid();
            img[TensorIndex.Colon, 0, 0, 1] = z[TensorIndex.Colon, 1].sigmoid();
            return img;
        }
        var json = new ChartJson(ManifoldGrid.Show(Decode, n, "manifold"));
        json.AssertImageFigure();
        Assert.Equal("z1", json.AxisTitle("xaxis"));
        Assert.Equal("z2", json.AxisTitle("yaxis"));
        Assert.Equal([n * n, 2L], seen!.shape);
        var q = seen[TensorIndex.Slice(0, n), 0].data<float>().ToArray();
        // Codes sit at the standard normal's quantiles of p = (j + 0.5) / n: 12.5% and 37.5% for n = 4.
        Assert.Equal(-1.1503, q[0], 3);
        Assert.Equal(-0.3186, q[1], 3);
        Assert.Equal(0.0, q[0] + q[n - 1], 5);
        var z = json.Z();
        static double Logit(double p) => Math.Log(p / (1 - p));
        Assert.True(Logit(z[0][1]) > Logit(z[3 * (n - 1)][1]), "the top row should have the highest z2");
        Assert.True(Logit(z[0][0]) < Logit(z[0][3 * (n - 1)]), "z1 should grow to the right");
    }

    [Fact]
    public void Interpolation_strip_labels_each_row()
    {
        using var scope = torch.NewDisposeScope();
        var json = new ChartJson(InterpolationStrip.Show([("linear", torch.rand(5, 1, 4, 4)), ("spherical", torch.rand(5, 1, 4, 4))], "paths"));
        json.AssertImageFigure();
        var ticks = json.Layout.GetProperty("yaxis").GetProperty("ticktext").EnumerateArray().Select(t => t.GetString()!).ToArray();
        Assert.Equal(["linear", "spherical"], ticks);
        Assert.Equal(5 * 4 + 4 * ImageGrid.Gap, json.Z()[0].Length);
    }

    [Fact]
    public void Arithmetic_grid_shows_operators_labels_and_every_image()
    {
        using var scope = torch.NewDisposeScope();
        ConceptImages Term(string label, float value) =>
            new(label, torch.full(3, 1, 4, 4, value), torch.full(1, 1, 4, 4, value));
        var json = new ChartJson(ArithmeticGrid.Show(Term("A", 0.2f), Term("B", 0.4f), Term("C", 0.6f), torch.full(9, 1, 4, 4, 0.8f), "arithmetic"));
        json.AssertImageFigure();
        var texts = json.Annotations.ToArray();
        Assert.Equal(["A", "mean z", "−", "B", "mean z", "+", "C", "mean z", "=", "result"], texts);
        var cells = json.Z().SelectMany(r => r).Where(v => !double.IsNaN(v)).ToArray();
        foreach (var (value, count) in new[] { (0.2, 4), (0.4, 4), (0.6, 4), (0.8, 9) })
            Assert.Equal(count * 16, cells.Count(v => Math.Abs(v - value) < 1e-6));
    }
}
