using System.Diagnostics;
using System.Text.Json.Nodes;
using NotebookRunner.Tests.Support;

namespace NotebookRunner.Tests.Course;

/// <summary>Runs every course notebook once, in the smoke profile, with an empty checkpoint cache so that everything trains.</summary>
public abstract class CourseSmokeRun
{
    public JsonObject Summary { get; }
    public string OutDirectory { get; }
    public string Output { get; }
    public TimeSpan Elapsed { get; }

    /// <param name="solutions">The solutions folder the runner puts in place of the answer cells; null runs the notebooks as a learner gets them.</param>
    protected CourseSmokeRun(string? solutions)
    {
        OutDirectory = Fixtures.NewOutDirectory();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "NotebookRunner.dll"), "run", Path.Combine(Fixtures.RepoRoot, "notebooks"),
                                    "--profile", "smoke", "--out", OutDirectory })
            start.ArgumentList.Add(arg);
        if (solutions is not null)
        {
            start.ArgumentList.Add("--solutions");
            start.ArgumentList.Add(solutions);
        }
        start.Environment["GENERATIVE_CHECKPOINTS"] = Directory.CreateTempSubdirectory("smoke-checkpoints-").FullName;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A guard against a hung kernel, not a speed target: on a shared 2-core machine the six notebooks take 5-8 minutes.
        if (!process.WaitForExit(TimeSpan.FromMinutes(20))) { process.Kill(entireProcessTree: true); throw new TimeoutException($"the smoke run took over 20 minutes:\n{stdout.Result}"); }
        Elapsed = clock.Elapsed;
        Output = stdout.Result + stderr.Result;
        var summary = Path.Combine(OutDirectory, "summary.json");
        Summary = File.Exists(summary) ? JsonNode.Parse(File.ReadAllText(summary))!.AsObject()
            : throw new InvalidOperationException($"the smoke run wrote no summary.json:\n{Output}");
    }

    /// <summary>The summary.json entry of notebook <paramref name="name"/>.</summary>
    public JsonObject Entry(string name) =>
        Summary["notebooks"]!.AsArray().OfType<JsonObject>().SingleOrDefault(n => n["name"]!.GetValue<string>() == name)
        ?? throw new Xunit.Sdk.XunitException($"{name} is missing from summary.json:\n{Output}");

    /// <summary>The exercise checks notebook <paramref name="name"/> recorded: answer name and verdict, in order, and the messages.</summary>
    public (string[] Names, string[] Verdicts, string Messages) Exercises(string name)
    {
        var checks = Entry(name)["exercises"]!.AsArray().OfType<JsonObject>().ToList();
        return (checks.Select(c => c["name"]!.GetValue<string>()).ToArray(), checks.Select(c => c["verdict"]!.GetValue<string>()).ToArray(),
            string.Join("\n", checks.Select(c => $"{c["name"]}: {c["message"]}")));
    }
}

/// <summary>The course as CI runs it: every notebook with its solution in place of its answer cell.</summary>
public sealed class SmokeRun() : CourseSmokeRun(Path.Combine(Fixtures.RepoRoot, "notebooks", "solutions"));

public class CourseNotebooksTests(SmokeRun run) : IClassFixture<SmokeRun>
{
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
    static readonly Dictionary<string, (double Min, double Max)> Sane = new()
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

    static readonly Dictionary<string, string[]> Expected = new()
    {
        ["00-setup"] = ["train_mean_pixel", "autograd_vs_formula_max_error"],
        ["01-supervised-vs-unsupervised"] = ["classifier_test_accuracy", "kmeans_purity", "pca2_explained_variance"],
        ["02-autoencoders"] = ["pca32_test_mse", "ae_linear_test_mse", "ae_deep_test_mse", "ae_cnn_test_mse", "ae_features_fewlabel_accuracy", "pixels_fewlabel_accuracy"],
        ["03-vae-derivation"] = ["kl_mc_rel_error", "vae_bernoulli_test_nelbo", "vae_bernoulli_test_iwae_nll", "vae_gaussian_test_nelbo", "vae2d_test_nelbo"],
        ["04-gans"] = ["gan_frechet", "gan_classifier_score"],
        ["05-dcgan-vector-math"] = ["dcgan_frechet", "dcgan_classifier_score", "real_test_frechet", "vae_frechet", "vector_arithmetic_success"],
    };

    JsonObject Entry(string name) => run.Entry(name);

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Each_notebook_runs_with_its_charts_and_sane_metrics(string name, int charts)
    {
        var entry = Entry(name);
        Assert.True(entry["status"]!.GetValue<string>() == "ok", $"{name}: {entry["error"]}");

        var executed = Fixtures.Executed(run.OutDirectory, name);
        int shown = Fixtures.CodeCells(executed).SelectMany(Fixtures.Outputs)
            .Select(o => o["data"]?["text/html"]?.ToString() ?? "")
            .Count(html => html.Contains("Plotly") && !html.Contains("data-live-chart"));
        Assert.True(shown >= charts, $"{name}: {shown} charts shown, {charts} expected");

        var metrics = entry["metrics"]!.AsObject();
        foreach (var metric in Expected[name])
        {
            Assert.True(metrics[metric] is not null, $"{name} did not record {metric}");
            double value = metrics[metric]!.GetValue<double>();
            var (min, max) = Sane[metric];
            Assert.True(value >= min && value <= max, $"{name}: {metric} = {value} is outside the sane range [{min}, {max}]");
        }
        Assert.True(File.Exists(Path.Combine(run.OutDirectory, name + ".html")), $"{name}.html was not exported");
    }

    [Theory]
    [InlineData("00-setup", 2)]
    [InlineData("01-supervised-vs-unsupervised", 3)]
    [InlineData("02-autoencoders", 5)]
    [InlineData("03-vae-derivation", 10)]
    [InlineData("04-gans", 6)]
    [InlineData("05-dcgan-vector-math", 6)]
    public void A_notebook_with_claims_records_them_and_renders_its_summary_from_them(string name, int claims)
    {
        var recorded = Entry(name)["claims"]!.AsArray();
        Assert.True(recorded.Count == claims, $"{name} recorded {recorded.Count} claims, {claims} expected: {recorded.ToJsonString()}");
        var summary = Fixtures.CodeCells(Fixtures.Executed(run.OutDirectory, name))
            .Single(c => Fixtures.Text(c["source"]).Trim() == "Claims.Summary()");
        var html = string.Concat(Fixtures.Outputs(summary).Select(o => Fixtures.Text(o["data"]?["text/html"])));
        Assert.Contains($"of {claims} claims hold", html);
        foreach (var claim in recorded)
            Assert.Contains(System.Net.WebUtility.HtmlEncode(claim!["statement"]!.GetValue<string>()), html);
    }

    [Theory]
    [Trait("Category", "Slow")]
    [MemberData(nameof(CourseExercises.Answers), MemberType = typeof(CourseExercises))]
    public void With_the_solutions_every_exercise_check_says_right(string name, string[] answers)
    {
        var (names, verdicts, messages) = run.Exercises(name);
        Assert.True(Entry(name)["status"]!.GetValue<string>() == "ok", $"{name}: {Entry(name)["error"]}");
        Assert.Equal(answers, names);
        Assert.True(verdicts.All(v => v == "right"), $"{name}, with its solution:\n{messages}");
        var answerCell = Fixtures.CodeCells(Fixtures.Executed(run.OutDirectory, name))
            .Single(c => c["metadata"]?["tags"]?.AsArray().Any(t => t!.GetValue<string>() == "exercise") == true);
        Assert.Equal(File.ReadAllText(Path.Combine(Fixtures.RepoRoot, "notebooks", "solutions", name + ".csx")).TrimEnd(), Fixtures.Text(answerCell["source"]).TrimEnd());
    }

    [Fact]
    public void The_whole_smoke_run_reports_its_time()
    {
        // Not a timing assertion (machines are noisy): the duration is printed for the README's 3-minute target, and every notebook must be in the summary.
        Console.WriteLine($"smoke run of all notebooks: {run.Elapsed.TotalSeconds:F0} s");
        Assert.Equal(Notebooks.Count, run.Summary["notebooks"]!.AsArray().Count);
        Assert.Equal("smoke", run.Summary["profile"]!.GetValue<string>());
    }
}
