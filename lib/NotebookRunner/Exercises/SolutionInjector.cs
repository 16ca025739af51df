namespace NotebookRunner.Exercises;

/// <summary>A solutions problem the user can fix: the message names the notebook, the cell tag and the file.</summary>
public sealed class SolutionException(string message) : Exception(message);

/// <summary>
/// Puts a notebook's solution in place of its answer cell: the code cell tagged <c>exercise</c> is replaced by the
/// contents of <c>&lt;folder&gt;/&lt;notebook name&gt;.csx</c>, so learners' notebooks start unsolved and CI still runs every check against a solution.
/// </summary>
public static class SolutionInjector
{
    /// <summary>The tag of the code cell that holds a notebook's answers.</summary>
    public const string ExerciseTag = "exercise";

    /// <summary>The extension of a solution file: C# script, the language of the answer cell.</summary>
    public const string Extension = ".csx";

    /// <summary>The solution file of notebook <paramref name="notebook"/> (its name without extension) in <paramref name="folder"/>.</summary>
    public static string FileFor(string folder, string notebook) => Path.Combine(Path.GetFullPath(folder), notebook + Extension);

    /// <summary>The solution's code for the notebook whose answer cells are <paramref name="exerciseCells"/>, or null when it has neither cell nor solution.</summary>
    /// <exception cref="SolutionException">The notebook has an answer cell but no solution, a solution but no answer cell, or several answer cells.</exception>
    public static string? Solution(string notebook, string folder, int exerciseCells)
    {
        if (!Directory.Exists(folder))
            throw new SolutionException($"{notebook}: the solutions folder '{Path.GetFullPath(folder)}' does not exist.");
        var file = FileFor(folder, notebook);
        var exists = File.Exists(file);
        return (exerciseCells, exists) switch
        {
            (0, false) => null,
            (0, true) => throw new SolutionException($"{notebook}: {file} holds a solution, but no code cell of the notebook is tagged '{ExerciseTag}'. Tag its answer cell."),
            (1, false) => throw new SolutionException($"{notebook}: its answer cell (tagged '{ExerciseTag}') has no solution: {file} does not exist."),
            (1, true) => File.ReadAllText(file),
            _ => throw new SolutionException($"{notebook}: {exerciseCells} code cells are tagged '{ExerciseTag}'; a notebook has one answer cell, which its solution file replaces."),
        };
    }
}
