using System.Text.Json.Nodes;
using NotebookRunner.Tests.Support;

namespace NotebookRunner.Tests.Course;

/// <summary>What every smoke-size execution of the course must show, whichever front end runs it.</summary>
public static class CourseExpectations
{
    /// <summary>Each notebook with the number of charts it shows besides its live training charts.</summary>
    public static TheoryData<string, int> Notebooks => new()
    {
        { "00-setup", 1 },
        { "01-supervised-vs-unsupervised", 4 },
        { "02-autoencoders", 4 },
        { "03-vae-derivation", 4 },
        { "04-gans", 5 },
        { "05-dcgan-vector-math", 5 },
    };

    /// <summary>Plausible ranges at smoke size: wide enough for a few hundred training steps, narrow enough to catch a broken metric.</summary>
    public static readonly Dictionary<string, (double Min, double Max)> Sane = new()
    {
        ["train_mean_pixel"] = (0.1306, 0.1308),
        ["autograd_vs_formula_max_error"] = (0, 1e-4),
        ["classifier_test_accuracy"] = (0.5, 1),
        ["kmeans_purity"] = (0.3, 1),
        ["pca2_explained_variance"] = (0.1, 0.4),
        ["pca32_test_mse"] = (0.01, 0.03),
        ["ae_linear_test_mse"] = (0.005, 0.11),
        ["ae_deep_test_mse"] = (0.005, 0.11),
        ["ae_cnn_test_mse"] = (0.005, 0.11),
        ["ae_features_fewlabel_accuracy"] = (0.2, 1),
        ["pixels_fewlabel_accuracy"] = (0.2, 1),
        ["kl_mc_rel_error"] = (0, 0.02),
        ["vae_bernoulli_test_nelbo"] = (90, 550),
        ["vae_bernoulli_test_iwae_nll"] = (80, 550),
        ["vae_gaussian_test_nelbo"] = (-5000, 5000),
        ["vae2d_test_nelbo"] = (120, 550),
        ["gan_frechet"] = (0.5, 10000),
        ["gan_classifier_score"] = (1, 10),
        ["dcgan_frechet"] = (0.5, 10000),
        ["dcgan_classifier_score"] = (1, 10),
        ["real_test_frechet"] = (0, 50),
        ["vae_frechet"] = (0.5, 10000),
        ["vector_arithmetic_success"] = (0, 1),
    };

    /// <summary>The metrics each notebook records.</summary>
    public static readonly Dictionary<string, string[]> Expected = new()
    {
        ["00-setup"] = ["train_mean_pixel", "autograd_vs_formula_max_error"],
        ["01-supervised-vs-unsupervised"] = ["classifier_test_accuracy", "kmeans_purity", "pca2_explained_variance"],
        ["02-autoencoders"] = ["pca32_test_mse", "ae_linear_test_mse", "ae_deep_test_mse", "ae_cnn_test_mse", "ae_features_fewlabel_accuracy", "pixels_fewlabel_accuracy"],
        ["03-vae-derivation"] = ["kl_mc_rel_error", "vae_bernoulli_test_nelbo", "vae_bernoulli_test_iwae_nll", "vae_gaussian_test_nelbo", "vae2d_test_nelbo"],
        ["04-gans"] = ["gan_frechet", "gan_classifier_score"],
        ["05-dcgan-vector-math"] = ["dcgan_frechet", "dcgan_classifier_score", "real_test_frechet", "vae_frechet", "vector_arithmetic_success"],
    };

    /// <summary>Each notebook with the number of claims it checks.</summary>
    public static TheoryData<string, int> Claims => new()
    {
        { "00-setup", 2 },
        { "01-supervised-vs-unsupervised", 3 },
        { "02-autoencoders", 5 },
        { "03-vae-derivation", 10 },
        { "04-gans", 6 },
        { "05-dcgan-vector-math", 6 },
    };

    /// <summary>The charts of an executed notebook that are not live training charts.</summary>
    public static int StaticCharts(JsonObject executed) =>
        Fixtures.CodeCells(executed).SelectMany(Fixtures.Outputs)
            .Select(o => o["data"]?["text/html"]?.ToString() ?? "")
            .Count(html => html.Contains("Plotly") && !html.Contains("data-live-chart"));

    /// <summary>Fails when <paramref name="name"/> did not record one of its metrics, or recorded one outside its smoke-size range.</summary>
    public static void AssertSaneMetrics(string name, IReadOnlyDictionary<string, double?> metrics)
    {
        foreach (var metric in Expected[name])
        {
            Assert.True(metrics.TryGetValue(metric, out var value) && value is not null, $"{name} did not record {metric}");
            var (min, max) = Sane[metric];
            Assert.True(value >= min && value <= max, $"{name}: {metric} = {value} is outside the sane range [{min}, {max}]");
        }
    }
}
