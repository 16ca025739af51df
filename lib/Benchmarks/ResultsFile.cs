using System.Text.Json;
using Generative.Setup;

namespace Generative.Benchmarks;

/// <summary>Writes the results to artifacts/bench/results.json under the repository root (the folder holding course.sln).</summary>
public static class ResultsFile
{
    /// <summary>Writes atomically and returns the path.</summary>
    public static string Write(BenchResults results, bool quick)
    {
        var path = Path.Combine(RepoRoot(), "artifacts", "bench", "results.json");
        var json = JsonSerializer.SerializeToUtf8Bytes(new
        {
            profile = quick ? "quick" : "full",
            measuredAt = DateTimeOffset.UtcNow,
            machine = new { Environment.ProcessorCount, os = Environment.OSVersion.VersionString },
            results,
        }, new JsonSerializerOptions { WriteIndented = true });
        AtomicFile.WriteAllBytes(path, json);
        return path;
    }

    static string RepoRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "course.sln"))) return dir.FullName;
        throw new InvalidOperationException(
            $"Could not find course.sln above {Environment.CurrentDirectory}; run the benchmark from inside the repository.");
    }
}
