using System.Text.Json;
using System.Text.RegularExpressions;
using Generative.Data;
using Generative.Plots;
using Generative.Tests.Plots;
using Generative.Training;

namespace Generative.Tests.Training;

/// <summary>A model loaded from the checkpoint cache shows the training charts of its stored history, as the run that trained it did;
/// serial because the runs point $GENERATIVE_CHECKPOINTS at their own folder, seed torch and hand NotebookDisplay a host.</summary>
[Collection(nameof(SerialTorch))]
[Trait("Category", "Slow")]
public sealed class HistoryReplayTests : TinyRecipeRuns
{
    /// <summary>Runs <paramref name="loadOrTrain"/> with a fake notebook host and returns the figures it showed, the last version of each output.</summary>
    static (History History, List<JsonElement> Figures, string Log) Shown(Func<TextWriter, History> loadOrTrain)
    {
        var host = new FakeHost();
        var log = new StringWriter();
        NotebookDisplay.Use(host.Display);
        History history;
        try { history = loadOrTrain(log); }
        finally { NotebookDisplay.Use(null); }
        // Each live output carries its chart's key; the newest output of a key is what the reader sees.
        var figures = host.Outputs
            .GroupBy(html => Regex.Match(html, "data-live-chart=\"([0-9a-f]+)\"").Groups[1].Value)
            .Select(g => Figure(g.Last())).ToList();
        return (history, figures, log.ToString());
    }

    static JsonElement Figure(string html) =>
        JsonDocument.Parse(Regex.Match(html, @"\('live-[0-9a-f]+-\d+', (\{.*\}), '", RegexOptions.Singleline).Groups[1].Value).RootElement;

    static string Title(JsonElement figure) => figure.GetProperty("layout").GetProperty("title").GetProperty("text").GetString()!;

    static double[] Y(JsonElement figure, string series) => figure.GetProperty("data").EnumerateArray()
        .Single(t => t.GetProperty("name").GetString() == series).GetProperty("y").EnumerateArray().Select(v => v.GetDouble()).ToArray();

    [Fact]
    public void A_loaded_vae_draws_the_curves_of_its_stored_history()
    {
        var recipe = Recipes.Vae with { Epochs = 2 };
        var trained = Shown(log => VaeTraining.LoadOrTrain(recipe.Build(), recipe, Tiny.Value, log));
        var loaded = Shown(log => VaeTraining.LoadOrTrain(recipe.Build(), recipe, Tiny.Value, log));

        Assert.Contains("Trained", trained.Log);
        Assert.Contains("Loaded", loaded.Log);
        var live = Assert.Single(trained.Figures);
        var replayed = Assert.Single(loaded.Figures);
        Assert.Equal(Title(live) + TrainingDisplay.FromCache, Title(replayed));
        Assert.Equal(trained.History.Metric("test_nelbo"), Y(replayed, "test"));
        Assert.Equal(Y(live, "train"), Y(replayed, "train"));
        Assert.Equal(2, Y(replayed, "train").Length);
        // The two terms of the −ELBO are kept per epoch for notebook 03's curves, and add up to it.
        var (reconstruction, kl, nelbo) = (loaded.History.Metric("test_reconstruction"), loaded.History.Metric("test_kl"), loaded.History.Metric("test_nelbo"));
        for (var e = 0; e < 2; e++) Assert.Equal(nelbo[e], reconstruction[e] + kl[e], 3);
        Assert.All(kl, v => Assert.True(v > 0));
    }

    [Fact]
    public void A_loaded_gan_draws_its_curves_and_its_last_samples()
    {
        var recipe = Recipes.MlpGan with { Epochs = 1 };
        History Run(TextWriter log) => GanTraining.LoadOrTrain(recipe.BuildGenerator(), recipe.BuildDiscriminator(), recipe, Tiny.Value,
            recipe.GeneratorAverageDecay > 0 ? recipe.BuildGenerator() : null, log);
        var trained = Shown(Run);
        var loaded = Shown(Run);

        Assert.Contains("Loaded", loaded.Log);
        Assert.Equal(2, trained.Figures.Count);
        Assert.Equal(2, loaded.Figures.Count);
        var (liveCurves, liveSamples) = (trained.Figures.Single(f => Title(f).Contains("discriminator")), trained.Figures.Single(f => Title(f).Contains("samples")));
        var (curves, samples) = (loaded.Figures.Single(f => Title(f).Contains("discriminator")), loaded.Figures.Single(f => Title(f).Contains("samples")));
        Assert.Equal(Y(liveCurves, "D(x)"), Y(curves, "D(x)"));
        Assert.Equal(Y(liveCurves, "D(G(z))"), Y(curves, "D(G(z))"));
        Assert.EndsWith(TrainingDisplay.FromCache + " (epoch 1)", Title(samples));
        // The replayed grid is the last snapshot the training showed, pixel for pixel (as stored, 8-bit).
        Assert.Equal(liveSamples.GetProperty("data")[0].GetProperty("z").GetRawText(), samples.GetProperty("data")[0].GetProperty("z").GetRawText());
    }
}
