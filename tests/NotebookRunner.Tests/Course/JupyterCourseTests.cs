using System.Diagnostics;
using NotebookRunner.Tests.Support;

namespace NotebookRunner.Tests.Course;

/// <summary>Executes every course notebook through Jupyter in the smoke profile, one fresh kernel each, with an empty
/// checkpoint cache shared by the run (as the runner's smoke run does), so that everything trains in the real kernel.</summary>
public sealed class JupyterSmokeRun
{
    public Dictionary<string, Jupyter.Execution> Executions { get; } = [];
    public TimeSpan Elapsed { get; }

    public JupyterSmokeRun()
    {
        Jupyter.RequirePrerequisites();
        var outDirectory = Fixtures.NewOutDirectory();
        var folder = Path.Combine(Fixtures.RepoRoot, "notebooks");
        var environment = new Dictionary<string, string> { ["GENERATIVE_CHECKPOINTS"] = Directory.CreateTempSubdirectory("jupyter-checkpoints-").FullName };
        var clock = Stopwatch.StartNew();
        foreach (var path in Directory.GetFiles(folder, "*.ipynb").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            Executions[name] = Jupyter.Execute(name, Jupyter.WithSmokeParameters(path), folder, outDirectory, environment, TimeSpan.FromMinutes(10));
        }
        Elapsed = clock.Elapsed;
    }
}

[Trait("Category", "Slow")]
public class JupyterCourseTests(JupyterSmokeRun run) : IClassFixture<JupyterSmokeRun>
{
    Jupyter.Execution Execution(string name) =>
        run.Executions.GetValueOrDefault(name) ?? throw new Xunit.Sdk.XunitException($"{name} is not among the notebooks Jupyter executed: {string.Join(", ", run.Executions.Keys)}");

    [Theory]
    [MemberData(nameof(CourseExpectations.Notebooks), MemberType = typeof(CourseExpectations))]
    public void Each_notebook_runs_through_jupyter_with_its_charts_and_sane_metrics(string name, int charts)
    {
        var execution = Execution(name);
        Assert.True(execution.Ok && execution.Executed is not null, $"{name} failed under Jupyter:\n{execution.Output}");
        Assert.Empty(Jupyter.Errors(execution.Executed!));

        int shown = CourseExpectations.StaticCharts(execution.Executed!);
        Assert.True(shown >= charts, $"{name}: {shown} charts shown, {charts} expected");
        CourseExpectations.AssertSaneMetrics(name, execution.Metrics);
    }

    [Theory]
    [MemberData(nameof(CourseExpectations.Claims), MemberType = typeof(CourseExpectations))]
    public void Each_notebook_records_its_claims_and_renders_its_summary_under_jupyter(string name, int claims)
    {
        var execution = Execution(name);
        Assert.True(execution.Claims.Count == claims, $"{name} recorded {execution.Claims.Count} claims under Jupyter, {claims} expected");
        Assert.NotNull(execution.Executed);
        var summary = Fixtures.CodeCells(execution.Executed!).Single(c => Fixtures.Text(c["source"]).Trim() == "Claims.Summary()");
        var html = string.Concat(Fixtures.Outputs(summary).Select(o => Fixtures.Text(o["data"]?["text/html"])));
        Assert.Contains($"of {claims} claims hold", html);
    }

    [Fact]
    public void The_smoke_parameters_are_injected_after_the_parameters_cell()
    {
        var executed = Execution("01-supervised-vs-unsupervised").Executed;
        Assert.NotNull(executed);
        var cells = Fixtures.CodeCells(executed!);
        var tagged = cells.FindIndex(c => c["metadata"]?["tags"]?.AsArray().Any(t => t!.GetValue<string>() == "parameters") == true);
        var injected = cells[tagged + 1];
        Assert.Equal("injected-parameters", injected["metadata"]!["tags"]![0]!.GetValue<string>());
        Assert.Contains("epochs = 1;", Fixtures.Text(injected["source"]));
        Console.WriteLine($"Jupyter smoke run of all notebooks: {run.Elapsed.TotalSeconds:F0} s ("
            + string.Join(", ", run.Executions.Values.Select(e => $"{e.Name} {e.Elapsed.TotalSeconds:F0} s")) + ")");
    }
}
