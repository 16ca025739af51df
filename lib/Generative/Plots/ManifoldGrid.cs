using System.Globalization;
using Plotly.NET;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Plots;

/// <summary>The learned manifold of a 2-d latent space: decodings of a grid of codes, as in Kingma and Welling's figure.</summary>
public static class ManifoldGrid
{
    /// <summary>Decodes an <paramref name="n"/> x <paramref name="n"/> grid of codes and tiles the images without gaps; z1 grows to the right and z2 upwards.</summary>
    /// <remarks>
    /// Grid coordinates are Gaussian quantiles of evenly spaced probabilities, so the grid covers the prior evenly in probability
    /// rather than in distance. <paramref name="decode"/> runs under no_grad; put the model in eval mode first.
    /// </remarks>
    public static GenericChart Show(Func<Tensor, Tensor> decode, int n, string title)
    {
        ArgumentNullException.ThrowIfNull(decode);
        if (n < 2) throw new ArgumentOutOfRangeException(nameof(n), $"A manifold grid needs at least 2 codes per side; got {n}.");
        var q = Quantiles(n);
        ImagePixels pixels;
        using (torch.NewDisposeScope())
        using (torch.no_grad())
        {
            // Row i is z2 = q[n-1-i] (top row highest), column j is z1 = q[j].
            var codes = new float[n * n * 2];
            for (var i = 0; i < n; i++)
                for (var j = 0; j < n; j++)
                    (codes[2 * (i * n + j)], codes[2 * (i * n + j) + 1]) = ((float)q[j], (float)q[n - 1 - i]);
            var z = torch.tensor(codes, [n * n, 2]);
            pixels = ImagePixels.From(decode(z), "decode(z)");
        }
        if (pixels.Count != n * n) throw new InvalidOperationException($"decode returned {pixels.Count} images for {n * n} codes: it must return one image per row of z.");

        var canvas = new ImageCanvas(n * pixels.Width, n * pixels.Height);
        for (var k = 0; k < n * n; k++) canvas.Place(pixels, k, (k / n) * pixels.Height, (k % n) * pixels.Width);
        var every = (n + 6) / 7; // at most about seven tick labels per axis
        var xTicks = Enumerable.Range(0, n).Where(j => j % every == 0 || j == n - 1)
            .Select(j => (j * pixels.Width + (pixels.Width - 1) / 2.0, q[j].ToString("0.0#", CultureInfo.InvariantCulture))).ToList();
        var yTicks = Enumerable.Range(0, n).Where(i => i % every == 0 || i == n - 1)
            .Select(i => (i * pixels.Height + (pixels.Height - 1) / 2.0, q[n - 1 - i].ToString("0.0#", CultureInfo.InvariantCulture))).ToList();
        return canvas.ToChart(title, xLabel: "z1", yLabel: "z2", xTicks: xTicks, yTicks: yTicks);
    }

    /// <summary>Standard-normal quantiles of the probabilities (i + 0.5) / n.</summary>
    internal static double[] Quantiles(int n)
    {
        using var scope = torch.NewDisposeScope();
        var p = (torch.arange(n, ScalarType.Float64) + 0.5) / n;
        return torch.special.ndtri(p).data<double>().ToArray();
    }
}
