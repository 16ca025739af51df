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
        { "04-gans", 6 },
        { "05-dcgan", 9 },
        { "06-latent-vector-math", 9 },
    };

    /// <summary>Ranges at smoke size that a broken run falls outside. Each is set from the smoke run's own figure (in the comment) and
    /// from what a broken run gives at the same size: chance, an untrained model, a constant image or noise.</summary>
    public static readonly Dictionary<string, (double Min, double Max)> Sane = new()
    {
        ["train_mean_pixel"] = (0.1306, 0.1308),            // real MNIST's 0.1307; any other data set misses it
        ["autograd_vs_formula_max_error"] = (0, 1e-4),
        ["classifier_test_accuracy"] = (0.7, 0.97),         // 0.833 after one epoch on 3,000 digits; chance is 0.1
        ["kmeans_purity"] = (0.45, 0.8),                    // 0.595; clusters that ignore the images score about 0.11
        ["pca2_explained_variance"] = (0.15, 0.2),          // 0.172; 0.168 on all of MNIST
        ["pca32_test_mse"] = (0.015, 0.022),                // 0.0178; the PCA-32 optimum is 0.0168
        // One epoch on 3,000 digits: 0.091, 0.074, 0.100, no better than all black (the mean squared pixel, about 0.10), so the
        // range catches what is worse: an untrained sigmoid output of 0.5 costs about 0.22, and noise more.
        ["ae_linear_test_mse"] = (0.03, 0.13),
        ["ae_deep_test_mse"] = (0.03, 0.13),
        ["ae_cnn_test_mse"] = (0.03, 0.13),
        ["ae_features_fewlabel_accuracy"] = (0.3, 0.8),     // 0.485 with 50 labels; chance is 0.1
        ["pixels_fewlabel_accuracy"] = (0.5, 0.85),         // 0.695
        ["kl_mc_rel_error"] = (0, 0.02),
        ["toy_gan_mean_distance"] = (0, 0.5),               // 0.13 σ (the toy GAN is the same at every size); its untrained generator is 1.74 σ away
        // 204, 193 and 194 nats after one epoch; an untrained Bernoulli decoder costs 784 ln 2 = 543, and ten full epochs reach 105.
        ["vae_bernoulli_test_nelbo"] = (150, 300),
        ["vae_bernoulli_test_iwae_nll"] = (140, 300),
        ["vae2d_test_nelbo"] = (150, 300),
        // −450 nats: a density above 1 on average. An untrained decoder (unit variance) costs about +720; ten epochs reach −1376.
        ["vae_gaussian_test_nelbo"] = (-1000, -200),
        // The smoke DCGAN (four epochs of batch 128 on 10,000 digits, hinge loss): 4.47 and 26.4. An untrained generator scores 1.00 at Fréchet 257, a
        // constant image 1.00 at 256 to 544, uniform noise 1.06 at 182.
        ["dcgan_classifier_score"] = (2.5, 10),
        ["dcgan_frechet"] = (1, 100),
        ["real_test_frechet"] = (2, 25),                     // 10.4 between 500 training and 1,000 test digits
        ["vae_frechet"] = (100, 400),                        // 214; a blank image is at 544, one digit repeated at 462
        // 4.57 for the flattest 70 % of the smoke DCGAN's codes (4.63 for all); an untrained generator scores 1.00.
        ["dcgan_flattest_70_classifier_score"] = (2.5, 10),
        // 0.54 and 7 at smoke size. A generator that ignores its category draws the same digits for each (share 0.1 to 0.2 for
        // good samples); a collapsed or untrained one draws one blot the network reads as one digit (share near 1, one digit).
        ["dcgan_category_purity"] = (0.25, 0.95),
        ["dcgan_category_digits"] = (3, 10),
        // The slant offsets of the smoke DCGAN's digits: mean cosine 0.40; offsets of unrelated codes would be near 0.
        ["vector_arithmetic_slant_offset_agreement"] = (0.15, 1),
        // The smoke classifier is unsure (top digit under 90 %) of 28 % of real test digits; an untrained one, of every digit.
        ["real_test_unsure_share"] = (0, 0.6),
    };

    /// <summary>Recorded at smoke size, but no range there separates a working run from a broken one, so none is asserted.</summary>
    public static readonly Dictionary<string, string> Unbounded = new()
    {
        ["gan_classifier_score"] = "24 steps of the MLP GAN score 1.001 with the smoke classifier, as its untrained generator does",
        ["gan_frechet"] = "24 steps of the MLP GAN give 241, its untrained generator 243, the mean image 256 and uniform noise 182",
        ["dcgan_epoch1_classifier_score"] = "79 steps of the course DCGAN score 1.17 and 1.18 at smoke size, barely above its untrained generator's 1.00",
        ["vector_arithmetic_thickness_offset_agreement"] = "the smoke DCGAN's stroke-width offsets agree 0.05: no range separates that from unrelated codes",
        ["dcgan_unsure_share"] = "the smoke classifier is unsure of 28 % of real digits and 69 % of the smoke DCGAN's samples: at that size the figure judges the classifier as much as the generator",
        ["dcgan_style_code_width_correlation"] = "0.17 in one smoke run and 0.004 in another (through Jupyter): after 316 smoke steps the style code has not settled on what it draws, so no range separates a working generator from an untrained one (0 up to sampling noise)",
        ["dcgan_shear_code_slant_correlation"] = "0.14 at smoke size; the shear starts at a gain of 0.3, so an untrained generator's shear code also goes with slant, and no range separates a working generator from it",
        ["dcgan_between_two_share"] = "19 % of the smoke DCGAN's unsure samples fall between two digits; no broken generator was measured to set a range against",
        ["vector_arithmetic_success"] = "30 smoke trials on the smoke DCGAN with InfoGAN's codes land 30 %, a random direction 20 %: too few trials on too weak a generator for a range",
        ["dcgan_without_codes_epoch1_classifier_score"] = "79 steps of the DCGAN without codes score 1.41 at smoke size, barely above an untrained generator's 1.00",
        ["dcgan_unsure_share_flattest_fifth"] = "the smoke classifier is unsure of 28 % of real digits and of 55 to 73 % of each fifth of the smoke DCGAN's samples: no range separates a working generator",
        ["dcgan_unsure_share_steepest_fifth"] = "as the flattest fifth's: 68 % at smoke size, with the smoke classifier unsure of 28 % of real digits",
    };

    /// <summary>The metrics each notebook records.</summary>
    public static readonly Dictionary<string, string[]> Expected = new()
    {
        ["00-setup"] = ["train_mean_pixel", "autograd_vs_formula_max_error"],
        ["01-supervised-vs-unsupervised"] = ["classifier_test_accuracy", "kmeans_purity", "pca2_explained_variance"],
        ["02-autoencoders"] = ["pca32_test_mse", "ae_linear_test_mse", "ae_deep_test_mse", "ae_cnn_test_mse", "ae_features_fewlabel_accuracy", "pixels_fewlabel_accuracy"],
        ["03-vae-derivation"] = ["kl_mc_rel_error", "vae_bernoulli_test_nelbo", "vae_bernoulli_test_iwae_nll", "vae_gaussian_test_nelbo", "vae2d_test_nelbo"],
        ["04-gans"] = ["toy_gan_mean_distance", "gan_frechet", "gan_classifier_score"],
        ["05-dcgan"] = ["dcgan_frechet", "dcgan_classifier_score", "real_test_frechet",
            "dcgan_unsure_share", "dcgan_between_two_share", "real_test_unsure_share",
            "dcgan_style_code_width_correlation", "dcgan_shear_code_slant_correlation",
            "dcgan_unsure_share_flattest_fifth", "dcgan_unsure_share_steepest_fifth", "dcgan_flattest_70_classifier_score",
            "dcgan_category_purity", "dcgan_category_digits"],
        ["06-latent-vector-math"] = ["vae_frechet", "vector_arithmetic_success", "dcgan_epoch1_classifier_score", "dcgan_without_codes_epoch1_classifier_score",
            "vector_arithmetic_slant_offset_agreement", "vector_arithmetic_thickness_offset_agreement"],
    };

    /// <summary>Each notebook with the number of claims it checks.</summary>
    public static TheoryData<string, int> Claims => new()
    {
        { "00-setup", 2 },
        { "01-supervised-vs-unsupervised", 3 },
        { "02-autoencoders", 5 },
        { "03-vae-derivation", 14 },
        { "04-gans", 7 },
        { "05-dcgan", 11 },
        { "06-latent-vector-math", 6 },
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
            if (Unbounded.ContainsKey(metric)) continue;
            Assert.True(Sane.TryGetValue(metric, out var range), $"{metric} has neither a smoke-size range nor a reason for none");
            Assert.True(value >= range.Min && value <= range.Max, $"{name}: {metric} = {value} is outside the smoke-size range [{range.Min}, {range.Max}]");
        }
    }
}
