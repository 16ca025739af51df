using System.Text.Json;
using Generative.Plots;
using TorchSharp;

namespace Generative.Tests.Plots;

public class DataChartsTests
{
    [Fact]
    public void Training_curves_have_one_line_per_series_and_labelled_axes()
    {
        var json = new ChartJson(TrainingCurves.Show("GAN", "epoch", "probability",
            new Dictionary<string, IReadOnlyList<double>> { ["D(x)"] = [0.9, 0.8], ["D(G(z))"] = [0.1, 0.3] }));
        Assert.Equal(["scatter", "scatter"], json.TraceTypes);
        Assert.Equal(["D(x)", "D(G(z))"], json.Traces.Select(t => t.GetProperty("name").GetString()!).ToArray());
        Assert.Equal([1.0, 2.0], json.Traces[0].GetProperty("x").EnumerateArray().Select(v => v.GetDouble()).ToArray());
        Assert.Equal("GAN", json.Title);
        Assert.Equal("epoch", json.AxisTitle("xaxis"));
        Assert.Equal("probability", json.AxisTitle("yaxis"));
    }

    [Fact]
    public void Latent_scatter_has_one_trace_per_label_on_equal_scales()
    {
        using var scope = torch.NewDisposeScope();
        var z = torch.randn(30, 2);
        var labels = torch.tensor(Enumerable.Range(0, 30).Select(i => (long)(i % 3)).ToArray());
        var json = new ChartJson(LatentScatter.Show(z, labels, "latent"));
        Assert.Equal(["0", "1", "2"], json.Traces.Select(t => t.GetProperty("name").GetString()!).ToArray());
        Assert.All(json.Traces, t => Assert.Equal(10, t.GetProperty("x").GetArrayLength()));
        Assert.Equal("x", json.Layout.GetProperty("yaxis").GetProperty("scaleanchor").GetString());
        Assert.Equal("z1", json.AxisTitle("xaxis"));
        Assert.Equal("z2", json.AxisTitle("yaxis"));
        Assert.Throws<ArgumentException>(() => LatentScatter.Show(torch.randn(30, 3), labels, "latent"));
    }

    [Fact]
    public void Confusion_matrix_annotates_counts_with_true_classes_downwards()
    {
        var counts = new long[,] { { 5, 1 }, { 0, 7 } };
        var json = new ChartJson(ConfusionMatrixChart.Show(counts, "confusion"));
        var heatmap = Assert.Single(json.Traces);
        Assert.Equal("heatmap", heatmap.GetProperty("type").GetString());
        Assert.Equal("%{text}", heatmap.GetProperty("texttemplate").GetString());
        Assert.Equal(1, heatmap.GetProperty("text")[0][1].GetInt64());
        Assert.Equal("predicted class", json.AxisTitle("xaxis"));
        Assert.Equal("true class", json.AxisTitle("yaxis"));
        Assert.Equal("reversed", json.Layout.GetProperty("yaxis").GetProperty("autorange").GetString());
        Assert.Throws<ArgumentException>(() => ConfusionMatrixChart.Show(new long[2, 3], "not square"));
    }

    [Fact]
    public void Class_histogram_has_bars_and_the_uniform_line()
    {
        var json = new ChartJson(ClassHistogramChart.Show([10, 20, 30], "classes"));
        Assert.Equal(["bar", "scatter"], json.TraceTypes);
        Assert.Equal([20.0, 20.0, 20.0], json.Traces[1].GetProperty("y").EnumerateArray().Select(v => v.GetDouble()).ToArray());
        Assert.Equal("class", json.AxisTitle("xaxis"));
        Assert.Equal("samples", json.AxisTitle("yaxis"));
    }

    [Fact]
    public void Comparison_table_lays_out_columns_and_formats_numbers()
    {
        var json = new ChartJson(ComparisonTable.Show(["model", "-ELBO", "FD"],
            [["VAE", 104.987654, 12.5], ["GAN", double.NaN, 0.000123]], "comparison"));
        var table = Assert.Single(json.Traces);
        Assert.Equal("table", table.GetProperty("type").GetString());
        var columns = table.GetProperty("cells").GetProperty("values").EnumerateArray()
            .Select(c => c.EnumerateArray().Select(v => v.GetString()!).ToArray()).ToArray();
        Assert.Equal(["VAE", "GAN"], columns[0]);
        Assert.Equal(["105.0", "—"], columns[1]);
        Assert.Equal(["12.50", "1.23e-4"], columns[2]);
        Assert.Equal("comparison", json.Title);
        Assert.Throws<ArgumentException>(() => ComparisonTable.Show(["a", "b"], [["only one"]], "bad"));
    }

    /// <summary>Notebook 05's arithmetic table (seven columns, two-line labels) was cut off: the figure kept one line per row.</summary>
    [Fact]
    public void Comparison_table_is_tall_enough_for_wrapped_rows_and_fits_the_output_width()
    {
        string[] headers = ["arithmetic", "trials", "class right", "attribute right", "both", "random direction: both", "target mean alone: both"];
        object[] Row(string label) => [label, 50, "80 %", "60 %", "50 %", "8 %", "11 %"];
        var shortRows = new ChartJson(ComparisonTable.Show(headers, [Row("all"), Row("all")], "short"));
        var wrapped = new ChartJson(ComparisonTable.Show(headers, [Row("slant, towards left-leaning"), Row("thickness, towards thick")], "wrapped"));

        Assert.True(wrapped.Layout.GetProperty("width").GetInt32() <= 900, "the table must fit a notebook's output area");
        // Two rows that wrap to a second line need at least 15 px more each than rows that do not.
        Assert.True(wrapped.Layout.GetProperty("height").GetInt32() >= shortRows.Layout.GetProperty("height").GetInt32() + 2 * 15);
    }

    /// <summary>Notebook 04's histogram title was cut at the figure's edge: the figure widens to its title, up to the output width.</summary>
    [Fact]
    public void A_long_title_widens_the_figure_up_to_the_output_width()
    {
        long[] counts = [869, 1299, 811, 1262, 809, 927, 919, 1160, 929, 1015];
        var title = "Classes of 10,000 MLP-GAN samples (effective number of classes 9.86 of 10)";
        Assert.True(new ChartJson(ClassHistogramChart.Show(counts, title)).Layout.GetProperty("width").GetInt32() >= 9 * title.Length);
        Assert.Equal(900, new ChartJson(ClassHistogramChart.Show(counts, new string('x', 200))).Layout.GetProperty("width").GetInt32());
        Assert.Equal(640, new ChartJson(ClassHistogramChart.Show(counts, "short")).Layout.GetProperty("width").GetInt32());
    }
}
