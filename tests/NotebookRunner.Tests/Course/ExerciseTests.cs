using NotebookRunner.Tests.Support;

namespace NotebookRunner.Tests.Course;

/// <summary>The answers each notebook's exercises ask for, in the order its check cell checks them.</summary>
public static class CourseExercises
{
    public static TheoryData<string, string[]> Answers => new()
    {
        { "00-setup", ["pixelStd", "sevens"] },
        { "01-supervised-vs-unsupervised", ["purity20", "components90"] },
        { "02-autoencoders", ["ratio16", "halfCodeRatio"] },
        { "03-vae-derivation", ["klNats", "iwaeK1"] },
        { "04-gans", ["dStar", "collapsedScore"] },
        { "05-dcgan", ["upsampledSide", "codeAtOne"] },
        { "06-latent-vector-math", ["linearMidpointNorm", "slerpNorm"] },
    };
}

/// <summary>The course as a learner gets it: no solutions, every answer cell still unsolved.</summary>
public sealed class UnsolvedSmokeRun() : CourseSmokeRun(null);

/// <summary>Exercises start unsolved; that the solutions pass is checked on CI's own run, in <see cref="CourseNotebooksTests"/>.</summary>
[Trait("Category", "Slow")]
public class ExerciseTests(UnsolvedSmokeRun unsolved) : IClassFixture<UnsolvedSmokeRun>
{
    [Theory]
    [MemberData(nameof(CourseExercises.Answers), MemberType = typeof(CourseExercises))]
    public void Without_the_solutions_every_exercise_check_says_not_attempted(string name, string[] answers)
    {
        var entry = unsolved.Entry(name);
        Assert.True(entry["status"]!.GetValue<string>() == "ok", $"{name}, unsolved: {entry["error"]}");
        var (names, verdicts, messages) = unsolved.Exercises(name);
        Assert.Equal(answers, names);
        Assert.True(verdicts.All(v => v == "not attempted"), $"{name}, unsolved:\n{messages}");
        var answerCell = Fixtures.CodeCells(Fixtures.Executed(unsolved.OutDirectory, name))
            .Single(c => c["metadata"]?["tags"]?.AsArray().Any(t => t!.GetValue<string>() == "exercise") == true);
        Assert.Contains("TODO", Fixtures.Text(answerCell["source"]));
    }
}

/// <summary>A wrong answer is rejected, through notebook 00 with a solutions folder of deliberate mistakes (one short run, no training).</summary>
[Trait("Category", "Slow")]
public class WrongAnswerTests
{
    [Fact]
    public async Task A_wrong_answer_is_rejected_with_what_is_wrong()
    {
        var run = await RunnerCli.RunAsync(Path.Combine(Fixtures.RepoRoot, "notebooks", "00-setup.ipynb"), "--profile", "smoke",
            "--solutions", Path.Combine(Fixtures.Folder, "wrong-solutions"));

        Assert.True(run.ExitCode == 0, run.Output);
        var checks = run.Notebook("00-setup")["exercises"]!.AsArray();
        Assert.Equal(["wrong", "wrong"], checks.Select(c => c!["verdict"]!.GetValue<string>()));
        Assert.StartsWith("wrong: too large: you gave 78.", checks[0]!["message"]!.GetValue<string>());
        Assert.Contains("reference 0.3081 ± 0.0005", checks[0]!["message"]!.GetValue<string>());
        Assert.Contains("wrong: too small: you gave 1028, reference 6265", checks[1]!["message"]!.GetValue<string>());
        var check = Fixtures.CodeCells(Fixtures.Executed(run.OutDirectory, "00-setup"))[^1];
        var shown = string.Concat(Fixtures.Outputs(check).Select(o => Fixtures.Text(o["data"]?["text/html"])));
        Assert.Contains("wrong: too small: you gave 1028", shown);
        Assert.Contains("the test set&#39;s 7s do not count", shown);
    }
}
