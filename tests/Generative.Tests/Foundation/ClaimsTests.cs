using System.Text.Json.Nodes;
using Generative.Plots;
using Generative.Setup;
using Microsoft.DotNet.Interactive.Formatting;

namespace Generative.Tests.Foundation;

// Claims and the runner's environment variable are process-wide, so these tests run on their own.
[CollectionDefinition(nameof(ClaimsState), DisableParallelization = true)]
public class ClaimsState;

[Collection(nameof(ClaimsState))]
public class ClaimsTests
{
    [Fact]
    public void A_claim_is_judged_by_its_condition_and_shows_its_verdict_and_evidence()
    {
        Claims.Clear();
        var confidence = 0.82;
        var claim = Claims.Check("random codes decode to blurry blends", holds: confidence < 0.6, evidence: $"mean confidence {confidence:P0}");

        Assert.False(claim.Holds);
        Assert.Equal("does not hold", claim.Verdict);
        ChartFormatter.Register();
        var html = Formatter.ToDisplayString(claim, HtmlFormatter.MimeType);
        Assert.Contains("✗ does not hold", html);
        Assert.Contains("random codes decode to blurry blends", html);
        Assert.Contains("mean confidence 82", html);
        Assert.Contains("does not hold", Formatter.ToDisplayString(claim, PlainTextFormatter.MimeType));
    }

    [Fact]
    public void The_summary_lists_every_claim_in_order_with_its_verdict_and_counts_those_that_hold()
    {
        Claims.Clear();
        Claims.Check("the deep autoencoder beats PCA", holds: 0.010 < 0.017, evidence: "MSE 0.010 vs 0.017");
        Claims.Check("random codes decode to blurry blends", holds: 0.82 < 0.6, evidence: "mean confidence 82%");

        var html = Claims.Summary().Html;

        Assert.Contains("1 of 2 claims hold", html);
        var first = html.IndexOf("the deep autoencoder beats PCA", StringComparison.Ordinal);
        var second = html.IndexOf("random codes decode to blurry blends", StringComparison.Ordinal);
        Assert.True(first >= 0 && second > first, html);
        // Each claim's line starts with its verdict.
        Assert.Contains("✓ holds", html[..first]);
        Assert.Contains("✗ does not hold", html[first..second]);
        Assert.DoesNotContain("✗", html[..first]);
    }

    [Fact]
    public void A_summary_without_claims_says_so_rather_than_claiming_anything()
    {
        Claims.Clear();
        Assert.Contains("no claim was checked", Claims.Summary().Html);
    }

    [Fact]
    public void Checking_a_statement_again_replaces_its_verdict_in_place()
    {
        Claims.Clear();
        Claims.Check("a", holds: false, evidence: "first run");
        Claims.Check("b", holds: true, evidence: "x");
        Claims.Check("a", holds: true, evidence: "rerun");

        Assert.Equal([new Claim("a", true, "rerun"), new Claim("b", true, "x")], Claims.All);
    }

    [Fact]
    public void Under_the_runner_each_verdict_is_appended_as_a_json_line_beside_the_metrics()
    {
        Claims.Clear();
        var file = Path.Combine(Directory.CreateTempSubdirectory("claims-").FullName, "records.jsonl");
        var previous = Environment.GetEnvironmentVariable(HeadlineMetrics.FileVariable);
        Environment.SetEnvironmentVariable(HeadlineMetrics.FileVariable, file);
        try
        {
            Course.Record("m", 1.5);
            Claims.Check("holds | with a pipe", holds: true, evidence: "1.5 > 1");
            Claims.Check("fails", holds: false, evidence: "0 > 1 is false");
        }
        finally { Environment.SetEnvironmentVariable(HeadlineMetrics.FileVariable, previous); }

        var lines = File.ReadAllLines(file).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Equal("m", lines[0]["name"]!.GetValue<string>());
        Assert.Equal("holds | with a pipe", lines[1]["claim"]!.GetValue<string>());
        Assert.True(lines[1]["holds"]!.GetValue<bool>());
        Assert.Equal("1.5 > 1", lines[1]["evidence"]!.GetValue<string>());
        Assert.False(lines[2]["holds"]!.GetValue<bool>());
    }

    [Fact]
    public void Require_passes_a_claim_that_holds_and_stops_the_notebook_at_one_that_does_not()
    {
        var ok = Claims.Check("equal", holds: true, evidence: "difference 0");
        Assert.Same(ok, ok.Require());
        var e = Assert.Throws<InvalidOperationException>(() => Claims.Check("equal too", holds: false, evidence: "difference 3").Require());
        Assert.Contains("\"equal too\" does not hold (difference 3)", e.Message);
    }

    [Theory]
    [InlineData("", "evidence", "statement")]
    [InlineData("a claim", " ", "evidence")]
    public void A_claim_without_words_or_evidence_is_refused(string statement, string evidence, string parameter)
    {
        var e = Assert.Throws<ArgumentException>(() => Claims.Check(statement, holds: true, evidence: evidence));
        Assert.Equal(parameter, e.ParamName);
    }
}
