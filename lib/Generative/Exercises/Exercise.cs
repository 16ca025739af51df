using System.Globalization;
using System.Net;
using System.Text.Json;
using Generative.Plots;
using Generative.Setup;

namespace Generative;

/// <summary>What a check made of a learner's answer.</summary>
public enum ExerciseVerdict
{
    /// <summary>The answer is still null: the learner has not written it yet.</summary>
    NotAttempted,

    /// <summary>The answer is within the tolerance of the reference.</summary>
    Right,

    /// <summary>The answer is outside the tolerance; the message says which way and by how much.</summary>
    Wrong,

    /// <summary>No stored reference fits this run (e.g. a data size the course has no figure for).</summary>
    Unchecked,
}

/// <summary>One exercise's verdict, with the message the learner reads.</summary>
/// <param name="Name">The answer's variable, e.g. <c>klNats</c>.</param>
/// <param name="Verdict">What the check made of the answer.</param>
/// <param name="Message">The verdict in words, with the numbers behind it.</param>
public sealed record ExerciseResult(string Name, ExerciseVerdict Verdict, string Message)
{
    /// <summary>"right", "wrong", "not attempted" or "unchecked", as summary.json and the tests spell it.</summary>
    public string VerdictText => Exercise.Text(Verdict);

    /// <summary>The result as one line: the variable, then the message.</summary>
    public override string ToString() => $"{Name}: {Message}";

    /// <summary>The result as an HTML line whose colour shows the verdict.</summary>
    public HtmlOutput ToHtml()
    {
        var (border, background) = Verdict switch
        {
            ExerciseVerdict.Right => ("#2e7d32", "#edf7ee"),
            ExerciseVerdict.Wrong => ("#c62828", "#fdecea"),
            _ => ("#9e9e9e", "#f5f5f5"),
        };
        return new($"<div class=\"course-exercise\" style=\"margin:4px 0;padding:6px 10px;border-left:4px solid {border};background:{background}\">" +
            $"<code>{WebUtility.HtmlEncode(Name)}</code>: {WebUtility.HtmlEncode(Message)}</div>");
    }
}

/// <summary>
/// Checks a learner's answer against a reference the check does not compute with the solution's code (a stored
/// figure or an independent computation), and says what is wrong: <c>Exercise.Check("klNats", klNats, reference, 0.05, "hint")</c>.
/// Under the headless runner each verdict also lands in summary.json, so tests can read it.
/// </summary>
public static class Exercise
{
    static readonly object Gate = new();

    /// <summary>Judges <paramref name="answer"/> against <paramref name="reference"/> ± <paramref name="tolerance"/>, records the verdict for the runner, and returns it to show in the cell.</summary>
    /// <param name="name">The answer's variable, as the exercise names it.</param>
    /// <param name="answer">The learner's answer; null means not attempted.</param>
    /// <param name="reference">The right value; null when the course has no figure for this run, which gives <see cref="ExerciseVerdict.Unchecked"/>.</param>
    /// <param name="tolerance">How far from the reference an answer may be and still be right.</param>
    /// <param name="hint">What to look at again, shown with a wrong answer.</param>
    /// <param name="remark">What a right answer means, shown with it.</param>
    /// <exception cref="ArgumentException">The name or the hint is empty, or the tolerance is negative.</exception>
    public static ExerciseResult Check(string name, double? answer, double? reference, double tolerance, string hint, string? remark = null)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("an exercise check needs the answer's name, e.g. \"klNats\"", nameof(name));
        if (string.IsNullOrWhiteSpace(hint)) throw new ArgumentException($"the check of {name} needs a hint for a wrong answer", nameof(hint));
        if (!(tolerance >= 0)) throw new ArgumentException($"the tolerance of {name} must be zero or positive, not {tolerance}", nameof(tolerance));
        var result = Judge(name.Trim(), answer, reference, tolerance, hint.Trim(), remark);
        Record(result);
        return result;
    }

    static ExerciseResult Judge(string name, double? answer, double? reference, double tolerance, string hint, string? remark)
    {
        if (answer is not double given)
            return new(name, ExerciseVerdict.NotAttempted, $"not attempted: {name} is still null");
        if (reference is not double expected)
            return new(name, ExerciseVerdict.Unchecked, $"unchecked: the course stores no reference for this run's settings; you gave {Number(given)}");
        var range = tolerance == 0 ? $"reference {Number(expected)}" : $"reference {Number(expected)} ± {Number(tolerance)}";
        if (double.IsNaN(given))
            return new(name, ExerciseVerdict.Wrong, $"wrong: not a number; {range}. {hint}");
        // A hair of slack, so that binary rounding of decimal figures (24.45 vs 24.5 ± 0.05) does not flip a verdict at the edge.
        if (Math.Abs(given - expected) <= tolerance + 1e-9 * Math.Max(1, Math.Abs(expected)))
            return new(name, ExerciseVerdict.Right, $"right: {Number(given)} ({range}){(string.IsNullOrWhiteSpace(remark) ? "" : ". " + remark.Trim())}");
        var way = given > expected ? "too large" : "too small";
        return new(name, ExerciseVerdict.Wrong, $"wrong: {way}: you gave {Number(given)}, {range}. {hint}");
    }

    /// <summary>The verdict as summary.json spells it.</summary>
    public static string Text(ExerciseVerdict verdict) => verdict switch
    {
        ExerciseVerdict.Right => "right",
        ExerciseVerdict.Wrong => "wrong",
        ExerciseVerdict.NotAttempted => "not attempted",
        _ => "unchecked",
    };

    static string Number(double x) => x.ToString(Math.Abs(x) >= 1e4 || (x != 0 && Math.Abs(x) < 1e-3) ? "G4" : "0.####", CultureInfo.InvariantCulture);

    static void Record(ExerciseResult result)
    {
        if (Environment.GetEnvironmentVariable(HeadlineMetrics.FileVariable) is not { Length: > 0 } file) return;
        lock (Gate)
            File.AppendAllText(file, JsonSerializer.Serialize(new { exercise = result.Name, verdict = result.VerdictText, message = result.Message }) + "\n");
    }
}
