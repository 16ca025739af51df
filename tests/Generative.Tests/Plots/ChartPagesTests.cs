using Generative.Latent;
using Generative.Data;
using Generative.Plots;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;
using TorchSharp;
using static TorchSharp.torch;

namespace Generative.Tests.Plots;

/// <summary>Writes the course's charts as offline pages, from real digits where images matter.</summary>
/// <remarks>Set GENERATIVE_PLOT_PAGES to a folder to keep the pages and look at them (e.g. screenshots with headless Chromium).</remarks>
[Collection(nameof(NotebookHost))]
public class ChartPagesTests
{
    [Fact, Trait("Category", "Slow")]
    public void Pages_of_every_chart_embed_plotly_once_and_draw_each_chart()
    {
        var keep = Environment.GetEnvironmentVariable("GENERATIVE_PLOT_PAGES") is { Length: > 0 };
        var folder = keep ? Environment.GetEnvironmentVariable("GENERATIVE_PLOT_PAGES")! : Directory.CreateTempSubdirectory("generative-plot-pages-").FullName;
        try { WritePages(folder); }
        finally { if (!keep) Directory.Delete(folder, recursive: true); }
    }

    static void WritePages(string folder)
    {
        using var scope = torch.NewDisposeScope();
        using var mnist = Mnist.Load(trainLimit: 100, testLimit: 100);
        var digits = mnist.TrainImages;
        var labels = mnist.TrainLabels.data<long>().ToArray();
        torch.manual_seed(1);

        var charts = new Dictionary<string, GenericChart>
        {
            ["image-grid"] = ImageGrid.Show(digits[TensorIndex.Slice(0, 32)], 8, "MNIST training digits",
                labels.Take(32).Select(l => $"label {l}").ToArray()),
            ["manifold"] = ManifoldGrid.Show(z => Blend(digits, z), 12, "Manifold of a toy 2-d decoder"),
            ["interpolation"] = InterpolationStrip.Show(
                [("linear", Lerp(digits[0], digits[1], 10)), ("spherical", Lerp(digits[2], digits[3], 10))], "Interpolation between two digits"),
            ["arithmetic"] = ArithmeticGrid.Show(Concept("first", digits, 0), Concept("second", digits, 3), Concept("third", digits, 6),
                digits[TensorIndex.Slice(9, 18)], "Vector arithmetic: first − second + third"),
            ["latent"] = LatentScatter.Show(torch.randn(300, 2), torch.randint(0, 10, [300]), "Random 2-d codes"),
            ["curves"] = TrainingCurves.Show("VAE loss", "epoch", "nats/image",
                new Dictionary<string, IReadOnlyList<double>> { ["train"] = [160, 120, 110, 106, 104], ["test"] = [150, 118, 109, 106, 105] }),
            ["confusion"] = ConfusionMatrixChart.Show(Confusion(), "Classifier confusion on the test set"),
            ["histogram"] = ClassHistogramChart.Show([98, 112, 95, 101, 87, 93, 110, 104, 99, 101], "Classes of 1000 GAN samples"),
            ["table"] = ComparisonTable.Show(["model", "test -ELBO (nats)", "Fréchet distance", "classifier score"],
                [["VAE", 104.2, 31.2, 8.1], ["GAN", double.NaN, 12.4, 9.1], ["DCGAN", double.NaN, 4.25, 9.6]], "AE, VAE, GAN and DCGAN on one scale"),
        };
        foreach (var (name, chart) in charts)
        {
            var page = File.ReadAllText(ChartPages.Save(Path.Combine(folder, name + ".html"), chart));
            Assert.Equal(1, Count(page, PlotlyJs.Version + "\"")); // plotly.js once, offline
            Assert.Equal(1, Count(page, "Plotly.newPlot(id"));
        }

        // Two successive live outputs on one page, as the final kernel appends them: only the newest must show.
        var outputs = new List<string>();
        NotebookDisplay.Use(value =>
        {
            outputs.Add(Formatter.ToDisplayString(value, HtmlFormatter.MimeType));
            return null; // no Update method: every update becomes a new output, like the regressed kernel
        });
        try
        {
            var live = LiveCurves.Show("Live VAE loss", "epoch", "nats/image");
            live.Add(1, new Dictionary<string, double> { ["train"] = 160, ["test"] = 150 });
            live.Add(2, new Dictionary<string, double> { ["train"] = 120, ["test"] = 118 });
            var images = LiveImages.Show("GAN samples from fixed noise", columns: 8);
            images.Add(1, torch.rand(16, 1, 28, 28));
            images.Add(2, digits[TensorIndex.Slice(0, 16)]);
        }
        finally { NotebookDisplay.Use(null); }
        Assert.Equal(4, outputs.Count);
        var livePage = File.ReadAllText(ChartPages.Save(Path.Combine(folder, "live.html"), "live", outputs));
        Assert.Equal(4, Count(livePage, "data-live-seq="));
    }

    static int Count(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;

    /// <summary>A stand-in decoder: mixes four digits by the codes' normal CDFs, so the grid changes smoothly.</summary>
    static Tensor Blend(Tensor digits, Tensor z)
    {
        var u = torch.special.ndtr(z);
        var (a, b) = (u[TensorIndex.Colon, 0].reshape(-1, 1, 1, 1), u[TensorIndex.Colon, 1].reshape(-1, 1, 1, 1));
        return (1 - a) * (1 - b) * digits[0] + a * (1 - b) * digits[1] + (1 - a) * b * digits[2] + a * b * digits[3];
    }

    static Tensor Lerp(Tensor from, Tensor to, int steps)
    {
        var t = torch.linspace(0, 1, steps).reshape(-1, 1, 1, 1);
        return (1 - t) * from + t * to;
    }

    static ConceptImages Concept(string label, Tensor digits, int first)
    {
        var exemplars = digits[TensorIndex.Slice(first, first + 3)];
        return new ConceptImages(label, exemplars, exemplars.mean([0], keepdim: true));
    }

    static long[,] Confusion()
    {
        var counts = new long[10, 10];
        for (var i = 0; i < 10; i++)
            for (var j = 0; j < 10; j++)
                counts[i, j] = i == j ? 970 + i : (i + 2 * j) % 7 == 0 ? 3 : 0;
        return counts;
    }
}
