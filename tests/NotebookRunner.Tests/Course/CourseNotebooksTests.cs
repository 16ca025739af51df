using System.Diagnostics;
using System.Text.Json.Nodes;
using NotebookRunner.Tests.Support;

namespace NotebookRunner.Tests.Course;

/// <summary>Runs every course notebook once, in the smoke profile, with an empty checkpoint cache so that everything trains.</summary>
public sealed class SmokeRun
{
    public JsonObject Summary { get; }
    public string OutDirectory { get; }
    public string Output { get; }
    public TimeSpan Elapsed { get; }

    public SmokeRun()
    {
        OutDirectory = Fixtures.NewOutDirectory();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "NotebookRunner.dll"), "run", Path.Combine(Fixtures.RepoRoot, "notebooks"),
                                    "--profile", "smoke", "--out", OutDirectory })
            start.ArgumentList.Add(arg);
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
}

public class CourseNotebooksTests(SmokeRun run) : IClassFixture<SmokeRun>
{
    JsonObject Entry(string name) =>
        run.Summary["notebooks"]!.AsArray().OfType<JsonObject>().SingleOrDefault(n => n["name"]!.GetValue<string>() == name)
        ?? throw new Xunit.Sdk.XunitException($"{name} is missing from summary.json:\n{run.Output}");

    [Theory]
    [MemberData(nameof(CourseExpectations.Notebooks), MemberType = typeof(CourseExpectations))]
    public void Each_notebook_runs_with_its_charts_and_sane_metrics(string name, int charts)
    {
        var entry = Entry(name);
        Assert.True(entry["status"]!.GetValue<string>() == "ok", $"{name}: {entry["error"]}");

        int shown = CourseExpectations.StaticCharts(Fixtures.Executed(run.OutDirectory, name));
        Assert.True(shown >= charts, $"{name}: {shown} charts shown, {charts} expected");

        CourseExpectations.AssertSaneMetrics(name, entry["metrics"]!.AsObject().ToDictionary(m => m.Key, m => m.Value?.GetValue<double>()));
        Assert.True(File.Exists(Path.Combine(run.OutDirectory, name + ".html")), $"{name}.html was not exported");
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

    [Fact]
    public void The_whole_smoke_run_reports_its_time()
    {
        // Not a timing assertion (machines are noisy): the duration is printed for the README's 3-minute target, and every notebook must be in the summary.
        Console.WriteLine($"smoke run of all notebooks: {run.Elapsed.TotalSeconds:F0} s");
        Assert.Equal(CourseExpectations.Notebooks.Count, run.Summary["notebooks"]!.AsArray().Count);
        Assert.Equal("smoke", run.Summary["profile"]!.GetValue<string>());
    }
}
