using System.Text.Json;
using System.Text.Json.Serialization;

namespace NotebookRunner.Reporting;

/// <summary>A course's targets, kept beside its notebooks (e.g. <c>notebooks/targets.json</c>) so the runner knows no course.</summary>
public sealed record TargetFile(IReadOnlyList<Target> Targets, WholeRun? WholeRun)
{
    static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Reads <paramref name="path"/>; a missing or malformed file is an error that names it and says what it needs.</summary>
    public static TargetFile Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path} does not exist: the report needs the course's targets file (give it with --targets).", path);
        TargetFile? file;
        try { file = JsonSerializer.Deserialize<TargetFile>(File.ReadAllText(path), Options); }
        catch (JsonException e) { throw new InvalidDataException($"{path} is not a valid targets file: {e.Message}", e); }
        if (file?.Targets is null) throw new InvalidDataException($"{path} needs a \"targets\" array of {{\"metric\", \"goal\", \"reference\", \"check\"}}.");
        foreach (var t in file.Targets)
            if (t.Check is { } c && (c.Op is not ("<" or "<=" or ">" or ">=" or "within") || (c.Value is null) == (c.Of is null) && c.Op != "within" || c.Op == "within" && (c.Of is null || c.Fraction is null)))
                throw new InvalidDataException($"{path}: the check of '{t.Metric}' must be {{\"op\": \"<\"|\"<=\"|\">\"|\">=\", and \"value\" or \"of\"}} or {{\"op\": \"within\", \"of\", \"fraction\"}}.");
        return file;
    }
}

/// <summary>One metric's target; without <see cref="Check"/> the number is only reported.</summary>
public sealed record Target(string Metric, string Goal, string? Reference, TargetCheck? Check)
{
    /// <summary>Met, missed, or null when a number it needs is missing or it has no check.</summary>
    public bool? Met(Func<string, double?> metric)
    {
        if (Check is null || metric(Metric) is not double x) return null;
        var y = Check.Of is null ? Check.Value : metric(Check.Of);
        if (y is not double other) return null;
        return Check.Op switch
        {
            "<" => x < other,
            "<=" => x <= other,
            ">" => x > other,
            ">=" => x >= other,
            _ => Math.Abs(x / other - 1) <= Check.Fraction,
        };
    }
}

/// <summary>How a target is judged: <c>op</c> against <c>value</c> or the metric <c>of</c>; <c>within</c> takes a <c>fraction</c> of <c>of</c>.</summary>
public sealed record TargetCheck(string Op, double? Value, string? Of, double? Fraction);

/// <summary>The time the whole run should take, per profile.</summary>
public sealed record WholeRun([property: JsonPropertyName("maxMinutes")] IReadOnlyDictionary<string, double> MaxMinutes, string? Reference);
