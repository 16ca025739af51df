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
        // A guard against a hung kernel, not a speed target: on a shared 2-core machine the seven notebooks take 5-8 minutes.
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
    JsonObject Entry(string name) => run.Entry(name);

    [Theory]
    [MemberData(nameof(CourseExpectations.Notebooks), MemberType = typeof(CourseExpectations))]
    public void Each_notebook_runs_with_its_charts_and_sane_metrics(string name, int charts)
    {
        var entry = Entry(name);
        Assert.True(entry["status"]!.GetValue<string>() == "ok", $"{name}: {entry["error"]}");

        int shown = CourseExpectations.StaticCharts(Fixtures.Executed(run.OutDirectory, name));
        Assert.True(shown >= charts, $"{name}: {shown} charts shown, {charts} expected");

        CourseExpectations.AssertSaneMetrics(name, entry["metrics"]!.AsObject().ToDictionary(m => m.Key, m => m.Value?.GetValue<double>()));
        var page = Path.Combine(run.OutDirectory, name + ".html");
        Assert.True(File.Exists(page), $"{name}.html was not exported");
        Assert.Contains("profile: <b>smoke</b>", File.ReadAllText(page));
    }

    [Theory]
    [MemberData(nameof(CourseExpectations.Claims), MemberType = typeof(CourseExpectations))]
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
    public void The_summary_times_every_notebook_within_the_runs_wall_clock()
    {
        var notebooks = run.Summary["notebooks"]!.AsArray().OfType<JsonObject>().ToList();
        Assert.Equal(CourseExpectations.Notebooks.Select(n => (string)n[0]), notebooks.Select(n => n["name"]!.GetValue<string>()));
        Assert.Equal("smoke", run.Summary["profile"]!.GetValue<string>());
        var seconds = notebooks.Select(n => n["seconds"]!.GetValue<double>()).ToList();
        // Printed for the README's 3-minute smoke target, which a shared machine cannot be held to.
        Console.WriteLine($"smoke run: {run.Elapsed.TotalSeconds:F0} s in all, {seconds.Sum():F0} s in notebooks");
        Assert.All(seconds, s => Assert.True(s > 0.5, $"{s} s is too short for a notebook that loads TorchSharp and MNIST"));
        Assert.True(seconds.Sum() <= run.Elapsed.TotalSeconds, $"the notebooks' {seconds.Sum():F0} s exceed the run's {run.Elapsed.TotalSeconds:F0} s");
    }
}
