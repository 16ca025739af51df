using NotebookRunner.Tests.Support;
using static NotebookRunner.Tests.Support.Fixtures;

namespace NotebookRunner.Tests;

/// <summary>Claims from a notebook's cell to summary.json and the report, through the CLI (the library loads TorchSharp, which stays in a process).</summary>
public class ClaimsRunTests
{
    [Fact]
    public async Task A_claim_that_does_not_hold_shows_in_its_cell_in_summary_json_and_fails_the_report_of_a_full_run()
    {
        var run = await RunnerCli.RunAsync(Notebook("claims"), "--profile", "full");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("1 claim(s) do not hold in this full run", run.Output);
        var claims = run.Notebook("claims")["claims"]!.AsArray();
        Assert.Equal(["two and two make four", "random codes decode to blurry blends"], claims.Select(c => c!["statement"]!.GetValue<string>()));
        Assert.Equal([true, false], claims.Select(c => c!["holds"]!.GetValue<bool>()));
        Assert.Equal("mean confidence 82%", claims[1]!["evidence"]!.GetValue<string>().Replace(" %", "%"));
        var cells = CodeCells(Executed(run.OutDirectory, "claims"));
        Assert.Contains("✗ does not hold", Text(Outputs(cells[3]).Single()["data"]!["text/html"]));
        Assert.Contains("1 of 2 claims hold", Text(Outputs(cells[4]).Single()["data"]!["text/html"]));

        var (exitCode, output) = await RunnerCli.ReportAsync(run);

        Assert.Equal(3, exitCode);
        Assert.Contains("| `claims` | random codes decode to blurry blends | **does not hold** |", output);
        Assert.Contains("1 claim(s) do not hold in this full run:", output);
    }

    [Fact]
    public async Task A_smoke_run_records_the_same_claims_without_requiring_them_and_a_full_run_whose_claims_hold_passes()
    {
        var smoke = await RunnerCli.RunAsync(Notebook("claims"), "--profile", "smoke");
        var (smokeExit, smokeReport) = await RunnerCli.ReportAsync(smoke);
        Assert.True(smokeExit == 0, smokeReport);
        Assert.Contains("| `claims` | random codes decode to blurry blends | does not hold (not required) |", smokeReport);

        var full = await RunnerCli.RunAsync(Notebook("claims"), "--profile", "full", "-p", "confidence=0.3");
        var (fullExit, fullReport) = await RunnerCli.ReportAsync(full);
        Assert.True(fullExit == 0, fullReport);
        Assert.Contains("| `claims` | random codes decode to blurry blends | holds | mean confidence 30", fullReport);
    }
}
