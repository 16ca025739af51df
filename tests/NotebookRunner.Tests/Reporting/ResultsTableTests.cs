using NotebookRunner.Reporting;

namespace NotebookRunner.Tests.Reporting;

public class ResultsTableTests
{
    static string Summary(string metricsJson)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("report-").FullName, "summary.json");
        File.WriteAllText(path, $$"""
            {"profile": "full", "notebooks": [
              {"name": "01-x", "status": "ok", "seconds": 120, "cells": [], "metrics": {{metricsJson}}, "error": null},
              {"name": "02-y", "status": "failed", "seconds": 30, "cells": [], "metrics": {}, "error": "boom"}]}
            """);
        return path;
    }

    static readonly TargetFile CourseTargets = TargetFile.Load(Path.Combine(NotebookRunner.Tests.Support.Fixtures.RepoRoot, "notebooks", "targets.json"));

    [Fact]
    public void A_malformed_check_is_an_error_naming_the_file_and_metric()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("targets-").FullName, "targets.json");
        File.WriteAllText(path, """{"targets": [{"metric": "m", "goal": "g", "check": {"op": "~", "value": 1}}]}""");
        var e = Assert.Throws<InvalidDataException>(() => TargetFile.Load(path));
        Assert.StartsWith($"{path}: the check of 'm' must be", e.Message);
    }

    [Fact]
    public void Targets_are_judged_from_the_measured_numbers()
    {
        var md = ResultsTable.Render(Summary("""{"classifier_test_accuracy": 0.9912, "pca32_test_mse": 0.0170, "ae_linear_test_mse": 0.0200, "ae_deep_test_mse": 0.012}"""), CourseTargets);
        Assert.Contains("| `classifier_test_accuracy` | ≥ 0.99 | 0.9912 | yes |", md);
        Assert.Contains("| `ae_linear_test_mse` | within 10% of PCA-32 | 0.02 | **no** |", md);
        Assert.Contains("| `ae_deep_test_mse` | < PCA-32 | 0.012 | yes |", md);
        Assert.Contains("| `vae2d_test_nelbo` | ≤ 145 nats | — |  |", md);
        Assert.Contains("| `02-y` | **failed** | 30 |", md);
        Assert.Contains("| whole course | ≤ 15 min | 2.5 min | yes |", md);
    }

    [Fact]
    public void Only_the_block_between_the_markers_is_replaced()
    {
        var summary = Summary("""{"classifier_test_accuracy": 0.5}""");
        var readme = Path.Combine(Path.GetDirectoryName(summary)!, "README.md");
        File.WriteAllText(readme, $"# Title\n\nbefore\n\n{ResultsTable.Begin}\nold table\n{ResultsTable.End}\n\nafter\n");

        ResultsTable.UpdateReadme(readme, summary, CourseTargets);

        var text = File.ReadAllText(readme);
        Assert.StartsWith("# Title\n\nbefore\n\n" + ResultsTable.Begin, text);
        Assert.EndsWith(ResultsTable.End + "\n\nafter\n", text);
        Assert.DoesNotContain("old table", text);
        Assert.Contains("| 0.5 | **no** |", text);
    }

    [Fact]
    public void A_readme_without_markers_gets_an_error_that_says_what_to_add()
    {
        var summary = Summary("{}");
        var readme = Path.Combine(Path.GetDirectoryName(summary)!, "README.md");
        File.WriteAllText(readme, "# no markers\n");
        var e = Assert.Throws<InvalidDataException>(() => ResultsTable.UpdateReadme(readme, summary, CourseTargets));
        Assert.Contains(ResultsTable.Begin, e.Message);
    }
}
