using System.Text.Json;
using System.Text.Json.Nodes;
using Generative.Setup;

namespace NotebookRunner.Running;

/// <summary>Writes summary.json: <c>{"profile", "cores", "notebooks": [{"name", "status", "seconds", "cells": [{"index", "seconds"}], "metrics", "claims": [{"statement", "holds", "evidence"}], "exercises": [{"name", "verdict", "message"}], "error"}]}</c>.</summary>
public static class RunSummary
{
    /// <summary>The summary as JSON; cell "index" is the 1-based cell number as written (null for the injected parameters cell).</summary>
    public static JsonObject ToJson(string profile, IEnumerable<NotebookResult> results) => new()
    {
        ["profile"] = profile,
        // The budgets report writes from a run name the cores they were measured on.
        ["cores"] = Environment.ProcessorCount,
        ["notebooks"] = new JsonArray(results.Select(r => (JsonNode)new JsonObject
        {
            ["name"] = r.Name,
            ["status"] = r.Ok ? "ok" : "failed",
            ["seconds"] = Math.Round(r.Seconds, 3),
            ["cells"] = new JsonArray(r.Cells.Select(c => (JsonNode)new JsonObject { ["index"] = c.Index, ["seconds"] = Math.Round(c.Seconds, 3) }).ToArray()),
            ["metrics"] = new JsonObject(r.Metrics.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)(m.Value is double v ? JsonValue.Create(v) : null)))),
            ["claims"] = new JsonArray(r.Claims.Select(c => (JsonNode)new JsonObject { ["statement"] = c.Statement, ["holds"] = c.Holds, ["evidence"] = c.Evidence }).ToArray()),
            ["exercises"] = new JsonArray(r.Exercises.Select(e => (JsonNode)new JsonObject { ["name"] = e.Name, ["verdict"] = e.Verdict, ["message"] = e.Message }).ToArray()),
            ["error"] = r.Error,
        }).ToArray()),
    };

    /// <summary>Reads the notebooks of a summary written by <see cref="Write"/>.</summary>
    public static IReadOnlyList<NotebookResult> Read(string path) =>
        JsonNode.Parse(File.ReadAllText(path))!["notebooks"]!.AsArray().OfType<JsonObject>().Select(n => new NotebookResult(
            n["name"]!.GetValue<string>(),
            n["status"]!.GetValue<string>() == "ok",
            n["seconds"]!.GetValue<double>(),
            n["cells"]!.AsArray().OfType<JsonObject>().Select(c => new CellTiming(c["index"]?.GetValue<int>(), c["seconds"]!.GetValue<double>())).ToList(),
            n["metrics"]!.AsObject().ToDictionary(m => m.Key, m => m.Value?.GetValue<double>()),
            n["error"]?.GetValue<string>(),
            null,
            null)
        {
            // Summaries written before claims existed have none.
            Claims = n["claims"]?.AsArray().OfType<JsonObject>().Select(c => new ClaimVerdict(
                c["statement"]!.GetValue<string>(), c["holds"]!.GetValue<bool>(), c["evidence"]?.GetValue<string>() ?? "")).ToList() ?? [],
            Exercises = n["exercises"]?.AsArray().OfType<JsonObject>().Select(e => new ExerciseCheck(
                e["name"]!.GetValue<string>(), e["verdict"]!.GetValue<string>(), e["message"]?.GetValue<string>() ?? "")).ToList() ?? [],
        }).ToList();

    /// <summary>Writes the summary to <paramref name="path"/>.</summary>
    public static void Write(string path, string profile, IEnumerable<NotebookResult> results) =>
        AtomicFile.WriteAllText(path, ToJson(profile, results).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
}
