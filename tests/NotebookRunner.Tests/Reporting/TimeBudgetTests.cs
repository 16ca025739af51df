using NotebookRunner.Reporting;

namespace NotebookRunner.Tests.Reporting;

public class TimeBudgetTests
{
    static string Folder(string profile, double seconds, string status = "ok")
    {
        var folder = Directory.CreateTempSubdirectory("budget-").FullName;
        File.WriteAllText(Path.Combine(folder, "summary.json"), $$"""
            {"profile": "{{profile}}", "cores": 2, "notebooks": [
              {"name": "01-x", "status": "{{status}}", "seconds": {{seconds}}, "cells": [], "metrics": {}, "error": null}]}
            """);
        return folder;
    }

    // As nb.py writes notebooks: one JSON string per source line, non-ASCII kept.
    static string Notebook(string markedLine) => $$"""
        {
         "cells": [
          {
           "cell_type": "markdown",
           "id": "a",
           "metadata": {},
           "source": [
            "# 01 · Title\n",
            "\n",
            {{markedLine}},
            "\n",
            "Text with “quotes”."
           ]
          }
         ],
         "metadata": {},
         "nbformat": 4,
         "nbformat_minor": 5
        }

        """;

    [Fact]
    public void The_marked_line_is_rewritten_from_the_run_and_nothing_else_changes()
    {
        var folder = Folder("full", 236.4);
        var path = Path.Combine(folder, "01-x.ipynb");
        var marked = $"\"*old words* {TimeBudget.Marker}\\n\"";
        var before = Notebook(marked);
        File.WriteAllText(path, before);

        Assert.Equal(["01-x"], TimeBudget.Update(folder, Path.Combine(folder, "summary.json")));

        var expected = TimeBudget.Line(236.4, 2, File.GetLastWriteTimeUtc(Path.Combine(folder, "summary.json")));
        Assert.Contains("Time budget: 3 min 56 s at full size on 2 CPU cores", expected);
        var after = File.ReadAllText(path);
        var source = System.Text.Json.Nodes.JsonNode.Parse(after)!["cells"]![0]!["source"]!.AsArray().Select(l => l!.GetValue<string>());
        Assert.Equal(["# 01 · Title\n", "\n", expected + "\n", "\n", "Text with “quotes”."], source);
        // Every byte around the marked line is as it was, so the notebook's diff is that one line.
        Assert.StartsWith(before[..before.IndexOf(marked, StringComparison.Ordinal)], after);
        Assert.EndsWith(before[(before.IndexOf(marked, StringComparison.Ordinal) + marked.Length)..], after);
    }

    [Fact]
    public void A_smoke_run_gives_no_budget()
    {
        var folder = Folder("smoke", 20);
        File.WriteAllText(Path.Combine(folder, "01-x.ipynb"), Notebook($"\"{TimeBudget.Marker}\\n\""));
        var e = Assert.Throws<InvalidDataException>(() => TimeBudget.Update(folder, Path.Combine(folder, "summary.json")));
        Assert.Contains("full run", e.Message);
    }

    [Fact]
    public void A_notebook_without_the_marked_line_is_an_error_that_says_what_to_add()
    {
        var folder = Folder("full", 20);
        var path = Path.Combine(folder, "01-x.ipynb");
        File.WriteAllText(path, Notebook("\"no marker here\\n\""));
        var e = Assert.Throws<InvalidDataException>(() => TimeBudget.Update(folder, Path.Combine(folder, "summary.json")));
        Assert.Contains(TimeBudget.Marker, e.Message);
    }

    [Fact]
    public void A_failed_notebook_keeps_its_old_budget()
    {
        var folder = Folder("full", 20, status: "failed");
        var path = Path.Combine(folder, "01-x.ipynb");
        var before = Notebook($"\"{TimeBudget.Marker}old\\n\"");
        File.WriteAllText(path, before);
        Assert.Empty(TimeBudget.Update(folder, Path.Combine(folder, "summary.json")));
        Assert.Equal(before, File.ReadAllText(path));
    }
}
