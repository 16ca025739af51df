using NotebookRunner.Execution;
using NotebookRunner.Reporting;
using NotebookRunner.Running;

namespace NotebookRunner.Tests.Reporting;

public class ClaimsReportTests
{
    static readonly TargetFile NoTargets = new([], null);

    static string Write(string profile, params ClaimVerdict[] claims)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("claims-report-").FullName, "summary.json");
        RunSummary.Write(path, profile, [
            new NotebookResult("02-autoencoders", true, 12, [], new Dictionary<string, double?> { ["m"] = 0.5 }, null, null, null) { Claims = claims },
            new NotebookResult("03-vae", true, 3, [], new Dictionary<string, double?>(), null, null, null)]);
        return path;
    }

    [Fact]
    public void The_library_records_are_read_as_metrics_and_claims_and_a_rerun_claim_keeps_its_place_and_last_verdict()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("records-").FullName, "records.jsonl");
        File.WriteAllLines(file, [
            """{"name":"m","value":0.25}""",
            """{"claim":"a","holds":false,"evidence":"first"}""",
            """{"claim":"b","holds":true,"evidence":"x"}""",
            """{"claim":"a","holds":true,"evidence":"rerun"}""",
        ]);

        var (metrics, claims, _) = NotebookExecutor.ReadRecords(file);

        Assert.Equal(0.25, metrics["m"]);
        Assert.Equal([new ClaimVerdict("a", true, "rerun"), new ClaimVerdict("b", true, "x")], claims);
    }

    [Fact]
    public void Claims_survive_a_summary_json_round_trip()
    {
        var claims = new[] { new ClaimVerdict("codes from N(0, I) decode to non-digits", false, "confidence 91% vs 99%"), new ClaimVerdict("b", true, "e") };
        var read = RunSummary.Read(Write(NotebookRun.Full, claims));
        Assert.Equal(claims, read[0].Claims);
        Assert.Empty(read[1].Claims);
    }

    [Fact]
    public void A_summary_written_before_claims_existed_reads_as_having_none()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("old-summary-").FullName, "summary.json");
        File.WriteAllText(path, """{"profile": "full", "notebooks": [{"name": "x", "status": "ok", "seconds": 1, "cells": [], "metrics": {}, "error": null}]}""");
        Assert.Empty(RunSummary.Read(path).Single().Claims);
        Assert.Empty(ResultsTable.UnmetClaims(path));
    }

    [Fact]
    public void The_report_lists_every_claim_and_marks_one_that_does_not_hold_in_a_full_run()
    {
        var path = Write(NotebookRun.Full, new("the deep AE beats PCA", true, "MSE 0.010 vs 0.017"), new("x | y", false, "82% ≥ 60%"));

        var md = ResultsTable.Render(path, NoTargets);

        Assert.Contains("Claims: 1 of 2 hold.", md);
        Assert.Contains("| `02-autoencoders` | the deep AE beats PCA | holds | MSE 0.010 vs 0.017 |", md);
        Assert.Contains("| `02-autoencoders` | x \\| y | **does not hold** | 82% ≥ 60% |", md);
        Assert.Equal([("02-autoencoders", new ClaimVerdict("x | y", false, "82% ≥ 60%"))], ResultsTable.UnmetClaims(path));
    }

    [Fact]
    public void A_smoke_run_records_its_claims_but_does_not_require_them()
    {
        var path = Write(NotebookRun.Smoke, new ClaimVerdict("x", false, "e"));

        var md = ResultsTable.Render(path, NoTargets);

        Assert.Contains("| `02-autoencoders` | x | does not hold (not required) | e |", md);
        Assert.Contains("does not require them", md);
        Assert.Empty(ResultsTable.UnmetClaims(path));
    }

    [Fact]
    public void The_readme_block_includes_the_claims()
    {
        var summary = Write(NotebookRun.Full, new ClaimVerdict("the bound holds", true, "gap 0.3 nats"));
        var readme = Path.Combine(Path.GetDirectoryName(summary)!, "README.md");
        File.WriteAllText(readme, $"# T\n\n{ResultsTable.Begin}\nold\n{ResultsTable.End}\n");

        ResultsTable.UpdateReadme(readme, summary, NoTargets);

        Assert.Contains("| `02-autoencoders` | the bound holds | holds | gap 0.3 nats |", File.ReadAllText(readme));
    }
}
