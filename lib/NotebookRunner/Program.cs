using System.CommandLine;
using NotebookRunner.Running;

var paths = new Argument<string[]>("notebooks") { Arity = ArgumentArity.OneOrMore, Description = "Notebooks (.ipynb) and folders; a folder runs its notebooks in name order." };
var profile = new Option<string>("--profile") { Description = "smoke applies each notebook's metadata.course.smoke overrides; full runs them as written.", DefaultValueFactory = _ => NotebookRun.Full };
profile.AcceptOnlyFromAmong(NotebookRun.Smoke, NotebookRun.Full);
var parameters = new Option<string[]>("--parameter", "-p") { Description = "name=value assigned after the notebook's 'parameters' cell; repeatable.", Arity = ArgumentArity.ZeroOrMore };
var outDir = new Option<string>("--out") { Description = "Folder for executed notebooks, HTML pages and summary.json.", DefaultValueFactory = _ => Path.Combine("artifacts", "run") };
var cellTimeout = new Option<double?>("--cell-timeout") { Description = "Seconds one cell may run before its notebook fails with a timeout error (no limit by default)." };
cellTimeout.Validators.Add(result =>
{
    if (result.GetValueOrDefault<double?>() is <= 0) result.AddError("--cell-timeout must be a positive number of seconds, e.g. --cell-timeout 600.");
});
var solutions = new Option<string?>("--solutions") { Description = "Folder of solutions: <notebook>.csx replaces the notebook's code cell tagged 'exercise' (as CI runs the course)." };
var failFast = new Option<bool>("--fail-fast") { Description = "Stop at the first failed notebook." };
// Set by the runner when it runs one notebook per child process, so children do not overwrite the merged summary.json.
var summaryFile = new Option<string?>("--summary-file") { Hidden = true };

var run = new Command("run", "Execute notebooks headless in the .NET Interactive C# kernel.") { paths, profile, parameters, outDir, failFast, cellTimeout, solutions, summaryFile };
run.Validators.Add(result =>
{
    foreach (var p in result.GetValue(parameters) ?? [])
        if (!p.Contains('=') || p.StartsWith('='))
            result.AddError($"-p '{p}' is not name=value (for example -p epochs=1).");
});
run.SetAction(async (parse, _) =>
{
    var request = new RunRequest(
        parse.GetValue(paths)!,
        parse.GetValue(profile)!,
        (parse.GetValue(parameters) ?? []).Select(p => p.Split('=', 2)).Select(kv => KeyValuePair.Create(kv[0].Trim(), kv[1])).ToList(),
        parse.GetValue(outDir)!,
        parse.GetValue(failFast),
        parse.GetValue(summaryFile),
        parse.GetValue(cellTimeout) is double seconds ? TimeSpan.FromSeconds(seconds) : null,
        // Each notebook runs from its own folder, so a relative path is resolved here, against the caller's.
        parse.GetValue(solutions) is { } folder ? Path.GetFullPath(folder) : null);
    using var progress = new ConsoleProgress(Console.Out, Console.IsOutputRedirected);
    IReadOnlyList<NotebookResult> results;
    try
    {
        // One notebook runs here; several run one process each, like one kernel per notebook in VS Code.
        results = NotebookRun.Expand(request.Paths).Count > 1
            ? await IsolatedRun.RunAsync(request)
            : await progress.RunAsync(() => NotebookRun.RunAsync(request, progress));
    }
    catch (FileNotFoundException e)
    {
        Console.Error.WriteLine(e.Message);
        return 2;
    }
    var failed = results.Count(r => !r.Ok);
    if (request.SummaryFile is not null) return failed == 0 ? 0 : 1;
    var skipped = NotebookRun.Expand(request.Paths).Count - results.Count;
    progress.Line(failed == 0
        ? $"[green]{results.Count} notebook(s) ok[/]; outputs in {Spectre.Console.Markup.Escape(Path.GetFullPath(request.OutDirectory))}"
        : $"[red]{failed} of {results.Count} notebook(s) failed[/]{(skipped > 0 ? $", {skipped} not run (--fail-fast)" : "")}; outputs in {Spectre.Console.Markup.Escape(Path.GetFullPath(request.OutDirectory))}");
    var unmet = request.Profile == NotebookRun.Full ? results.Sum(r => r.Claims.Count(c => !c.Holds)) : 0;
    if (unmet > 0) progress.Line($"[red]{unmet} claim(s) do not hold in this full run[/]; 'report' lists them");
    return failed == 0 ? 0 : 1;
});

var summaryPath = new Option<string>("--summary") { Description = "The run's summary.json.", DefaultValueFactory = _ => Path.Combine("artifacts", "run", "summary.json") };
var readme = new Option<string?>("--readme") { Description = "Rewrite the results block of this README instead of printing the table." };
var notebooksFolder = new Option<string?>("--notebooks") { Description = "Also rewrite the time budget at the top of each notebook in this folder from the run's seconds (full runs only)." };
var targetsPath = new Option<string>("--targets") { Description = "The course's targets file.", DefaultValueFactory = _ => Path.Combine("notebooks", "targets.json") };
var report = new Command("report", "The course's targets and the notebooks' claims checked against a run's summary.json, as Markdown; exits with 3 when a claim does not hold in a full run.") { summaryPath, targetsPath, readme, notebooksFolder };
report.SetAction(parse =>
{
    var summary = parse.GetValue(summaryPath)!;
    if (!File.Exists(summary))
    {
        Console.Error.WriteLine($"{summary} does not exist: run the notebooks first (dotnet run -c Release --project lib/NotebookRunner -- run notebooks).");
        return 2;
    }
    NotebookRunner.Reporting.TargetFile targets;
    try { targets = NotebookRunner.Reporting.TargetFile.Load(parse.GetValue(targetsPath)!); }
    catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
    {
        Console.Error.WriteLine(e.Message);
        return 2;
    }
    if (parse.GetValue(readme) is { } path) NotebookRunner.Reporting.ResultsTable.UpdateReadme(path, summary, targets);
    if (parse.GetValue(notebooksFolder) is { } folder)
    {
        try
        {
            var updated = NotebookRunner.Reporting.TimeBudget.Update(folder, summary);
            Console.Error.WriteLine($"time budget rewritten in {updated.Count} notebook(s): {string.Join(", ", updated)}");
        }
        catch (InvalidDataException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }
    else Console.Write(NotebookRunner.Reporting.ResultsTable.Render(summary, targets));
    // A full run is the course's evidence: a claim it does not support fails the report, after the report is written.
    var unmet = NotebookRunner.Reporting.ResultsTable.UnmetClaims(summary);
    if (unmet.Count == 0) return 0;
    Console.Error.WriteLine($"{unmet.Count} claim(s) do not hold in this full run:");
    foreach (var (notebook, claim) in unmet) Console.Error.WriteLine($"  {notebook}: {claim.Statement} ({claim.Evidence})");
    return 3;
});

var root = new RootCommand("Headless runner for the course's C# notebooks.") { run, report };
var exitCode = await root.Parse(args).InvokeAsync();
// A cell abandoned at its timeout may still be running on the kernel's thread; it must not keep the process alive.
Environment.Exit(exitCode);
