using System.Text.Json.Nodes;
using Generative.Plots;
using Generative.Setup;
using Microsoft.DotNet.Interactive.Formatting;

namespace Generative.Tests.Foundation;

// The runner's environment variable is process-wide, so these tests take turns with the claims tests.
[Collection(nameof(ClaimsState))]
public class ExerciseTests
{
    [Fact]
    public void A_null_answer_is_not_attempted()
    {
        var result = Exercise.Check("klNats", null, reference: 24.5, tolerance: 0.05, hint: "the KL term alone");

        Assert.Equal(ExerciseVerdict.NotAttempted, result.Verdict);
        Assert.Equal("not attempted", result.VerdictText);
        Assert.Contains("klNats is still null", result.Message);
    }

    [Theory]
    [InlineData(24.5)]
    [InlineData(24.45)]
    [InlineData(24.55)]
    public void An_answer_within_the_tolerance_is_right_and_says_what_it_means(double answer)
    {
        var result = Exercise.Check("klNats", answer, reference: 24.5, tolerance: 0.05, hint: "the KL term alone", remark: "smaller than the reconstruction");

        Assert.Equal(ExerciseVerdict.Right, result.Verdict);
        Assert.StartsWith("right: ", result.Message);
        Assert.Contains("smaller than the reconstruction", result.Message);
    }

    [Theory]
    [InlineData(105.2, "too large: you gave 105.2, reference 24.5 ± 0.05")]
    [InlineData(2.45, "too small: you gave 2.45, reference 24.5 ± 0.05")]
    [InlineData(double.NaN, "not a number")]
    public void A_wrong_answer_is_rejected_with_the_direction_the_reference_and_the_hint(double answer, string expected)
    {
        var result = Exercise.Check("klNats", answer, reference: 24.5, tolerance: 0.05, hint: "the KL term alone, not the -ELBO", remark: "never shown here");

        Assert.Equal(ExerciseVerdict.Wrong, result.Verdict);
        Assert.StartsWith("wrong: ", result.Message);
        Assert.Contains(expected, result.Message);
        Assert.Contains("the KL term alone, not the -ELBO", result.Message);
        Assert.DoesNotContain("never shown here", result.Message);
    }

    [Fact]
    public void Without_a_stored_reference_an_answer_is_unchecked_not_right()
    {
        var result = Exercise.Check("purity20", 0.7, reference: null, tolerance: 0.01, hint: "k = 20");

        Assert.Equal(ExerciseVerdict.Unchecked, result.Verdict);
        Assert.Contains("you gave 0.7", result.Message);
    }

    [Fact]
    public void A_result_shows_its_verdict_in_the_cell()
    {
        ChartFormatter.Register();
        var wrong = Exercise.Check("sevens", 1028, reference: 6265, tolerance: 0, hint: "the training set's 7s");

        var html = Formatter.ToDisplayString(wrong, HtmlFormatter.MimeType);
        Assert.Contains("course-exercise", html);
        Assert.Contains("#c62828", html);
        Assert.Contains("wrong: too small", html);
        Assert.Equal("sevens: " + wrong.Message, Formatter.ToDisplayString(wrong, PlainTextFormatter.MimeType));
    }

    [Fact]
    public void Under_the_runner_each_verdict_is_appended_as_a_json_line()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("exercises-").FullName, "records.jsonl");
        var previous = Environment.GetEnvironmentVariable(HeadlineMetrics.FileVariable);
        Environment.SetEnvironmentVariable(HeadlineMetrics.FileVariable, file);
        try
        {
            Exercise.Check("a", null, 1, 0, "h");
            Exercise.Check("b", 2, 1, 0, "h");
        }
        finally { Environment.SetEnvironmentVariable(HeadlineMetrics.FileVariable, previous); }

        var lines = File.ReadAllLines(file).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(["a", "b"], lines.Select(l => l["exercise"]!.GetValue<string>()));
        Assert.Equal(["not attempted", "wrong"], lines.Select(l => l["verdict"]!.GetValue<string>()));
        Assert.StartsWith("wrong: too large", lines[1]["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("", "hint", 0.1, "name")]
    [InlineData("x", " ", 0.1, "hint")]
    [InlineData("x", "hint", -1, "tolerance")]
    public void A_check_without_a_name_a_hint_or_a_sane_tolerance_is_refused(string name, string hint, double tolerance, string parameter)
    {
        var e = Assert.Throws<ArgumentException>(() => Exercise.Check(name, 1, 1, tolerance, hint));
        Assert.Equal(parameter, e.ParamName);
    }
}
