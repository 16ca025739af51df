using System.Text.Json;

namespace Generative.Setup;

/// <summary>A notebook's headline numbers, handed to the headless runner for summary.json; a no-op anywhere else.</summary>
public static class HeadlineMetrics
{
    /// <summary>The environment variable through which the runner names the JSON-lines file to append to.</summary>
    public const string FileVariable = "GENERATIVE_METRICS_FILE";

    static readonly object Gate = new();

    /// <summary>Records <paramref name="value"/> under <paramref name="name"/> when run by the runner, and returns the value unchanged.</summary>
    public static double Record(string name, double value)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("a metric needs a name", nameof(name));
        if (Environment.GetEnvironmentVariable(FileVariable) is { Length: > 0 } file)
            lock (Gate)
                File.AppendAllText(file, JsonSerializer.Serialize(new { name, value = double.IsFinite(value) ? value : (double?)null }) + "\n");
        return value;
    }
}
