using System.Net;
using System.Text;
using System.Text.Json;
using Generative.Plots;
using Generative.Setup;

namespace Generative;

/// <summary>A result a notebook states, with the verdict its own numbers gave and the numbers themselves.</summary>
/// <param name="Statement">The claim as a sentence, e.g. "random codes decode to blurry blends".</param>
/// <param name="Holds">Whether the run's numbers support it.</param>
/// <param name="Evidence">The numbers that decided it, e.g. "mean confidence 82%".</param>
public sealed record Claim(string Statement, bool Holds, string Evidence)
{
    /// <summary>"holds" or "does not hold".</summary>
    public string Verdict => Holds ? "holds" : "does not hold";

    /// <summary>The claim as one line of text: verdict, statement, evidence.</summary>
    public override string ToString() => $"{(Holds ? "✓" : "✗")} {Statement}: {Verdict} ({Evidence})";

    /// <summary>Returns the claim when it holds and throws otherwise, in every profile: for checks whose failure means the notebook is wrong, not the run small (e.g. a loss written in a cell equals the library's).</summary>
    /// <exception cref="InvalidOperationException">The claim does not hold; the message gives its evidence.</exception>
    public Claim Require() => Holds ? this : throw new InvalidOperationException($"The claim \"{Statement}\" does not hold ({Evidence}); the notebook cannot go on as written.");

    /// <summary>The claim as an HTML line whose colour and mark show the verdict.</summary>
    public HtmlOutput ToHtml() => new(
        $"<div class=\"course-claim\" style=\"margin:4px 0;padding:6px 10px;border-left:4px solid {(Holds ? "#2e7d32" : "#c62828")};background:{(Holds ? "#edf7ee" : "#fdecea")}\">" +
        $"<b>{(Holds ? "✓ holds" : "✗ does not hold")}</b>: {WebUtility.HtmlEncode(Statement)} <span style=\"color:#555\">({WebUtility.HtmlEncode(Evidence)})</span></div>");
}

/// <summary>
/// Results stated as claims that the run's numbers decide, so a notebook's prose cannot say what its run did not show:
/// <c>Claims.Check("statement", holds: condition, evidence: $"the numbers")</c> in the cell that measures, and
/// <c>Claims.Summary()</c> as the notebook's Summary. Under the headless runner each verdict also lands in summary.json.
/// </summary>
/// <remarks>A cell shows only its last expression, so a claim checked earlier in a cell is shown with <c>display(Claims.Check(...));</c>.</remarks>
public static class Claims
{
    static readonly object Gate = new();
    static readonly List<Claim> Checked = [];

    /// <summary>Judges <paramref name="statement"/> by <paramref name="holds"/>, remembers the verdict for <see cref="Summary"/>, hands it to the runner, and returns it to show in the cell.</summary>
    /// <param name="statement">The claim in words; checking the same statement again (a rerun cell) replaces its verdict.</param>
    /// <param name="holds">The condition, computed from the run's numbers, under which the claim is true.</param>
    /// <param name="evidence">The numbers the condition used, formatted for a reader.</param>
    /// <exception cref="ArgumentException">The statement or the evidence is empty.</exception>
    public static Claim Check(string statement, bool holds, string evidence)
    {
        if (string.IsNullOrWhiteSpace(statement)) throw new ArgumentException("a claim needs a statement, e.g. \"the deep autoencoder beats PCA\"", nameof(statement));
        if (string.IsNullOrWhiteSpace(evidence)) throw new ArgumentException($"the claim \"{statement}\" needs its evidence: the numbers that decide it", nameof(evidence));
        var claim = new Claim(statement.Trim(), holds, evidence.Trim());
        lock (Gate)
        {
            var known = Checked.FindIndex(c => c.Statement == claim.Statement);
            if (known >= 0) Checked[known] = claim;
            else Checked.Add(claim);
            if (Environment.GetEnvironmentVariable(HeadlineMetrics.FileVariable) is { Length: > 0 } file)
                File.AppendAllText(file, JsonSerializer.Serialize(new { claim = claim.Statement, holds, evidence = claim.Evidence }) + "\n");
        }
        return claim;
    }

    /// <summary>The claims checked so far in this process, in the order first checked.</summary>
    public static IReadOnlyList<Claim> All
    {
        get { lock (Gate) return Checked.ToList(); }
    }

    /// <summary>The notebook's Summary: every claim checked so far with its verdict and evidence, and how many hold.</summary>
    public static HtmlOutput Summary()
    {
        var claims = All;
        if (claims.Count == 0)
            return new HtmlOutput("<p><b>Summary</b>: no claim was checked in this run, so there is nothing to summarise.</p>");
        var html = new StringBuilder();
        html.Append($"<p><b>What this run showed</b>: {claims.Count(c => c.Holds)} of {claims.Count} claims hold.</p>");
        foreach (var claim in claims) html.Append(claim.ToHtml().Html);
        return new HtmlOutput(html.ToString());
    }

    /// <summary>Forgets the claims checked so far, e.g. between tests; notebooks never need it.</summary>
    public static void Clear()
    {
        lock (Gate) Checked.Clear();
    }
}
