using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Generative.Setup;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;
using Microsoft.DotNet.Interactive.Events;
using NotebookRunner.Exercises;
using NotebookRunner.Kernel;
using NotebookRunner.Parameters;
using NotebookRunner.Running;

namespace NotebookRunner.Execution;

/// <summary>How to run one notebook.</summary>
/// <param name="Profile">smoke or full.</param>
/// <param name="Parameters">The -p values, in order.</param>
/// <param name="CellTimeout">How long one cell may run; null for no limit.</param>
/// <param name="SolutionsDirectory">The folder whose <c>&lt;notebook&gt;.csx</c> replaces the notebook's answer cell; null runs the notebook as written.</param>
public sealed record ExecutionSettings(string Profile, IReadOnlyList<KeyValuePair<string, string>> Parameters, TimeSpan? CellTimeout = null, string? SolutionsDirectory = null)
{
    /// <summary>True when the notebook's smoke overrides apply.</summary>
    public bool Smoke => Profile == NotebookRun.Smoke;
}

/// <summary>Executes one notebook's C# cells in order in a fresh .NET Interactive C# kernel, writing the executed notebook after every cell.</summary>
public sealed class NotebookExecutor
{
    /// <summary>The environment variable through which notebooks' <c>Course.Record</c> and <c>Claims.Check</c> calls reach summary.json (Generative.Setup.HeadlineMetrics).</summary>
    public const string MetricsVariable = "GENERATIVE_METRICS_FILE";

    /// <summary>The notebook-level metadata key holding the run's profile, parameters, status and cell timings.</summary>
    public const string MetadataKey = "notebook_runner";

    static readonly KernelInfoCollection KernelInfos = CreateKernelInfos();

    readonly InteractiveDocument _document;
    readonly string _name;
    readonly string _executedPath;
    readonly ExecutionSettings _settings;
    readonly IRunProgress _progress;
    readonly List<CellTiming> _timings = [];
    readonly Dictionary<string, object> _runMetadata;

    NotebookExecutor(InteractiveDocument document, string name, string executedPath, ExecutionSettings settings, IRunProgress progress)
    {
        _document = document;
        _name = name;
        _executedPath = executedPath;
        _settings = settings;
        _progress = progress;
        _runMetadata = new Dictionary<string, object>
        {
            ["status"] = "incomplete",
            ["profile"] = settings.Profile,
            ["parameters"] = new Dictionary<string, string>(),
            ["started"] = DateTimeOffset.UtcNow.ToString("O"),
            ["cells"] = new List<Dictionary<string, object?>>(),
        };
    }

    /// <summary>Runs <paramref name="notebookPath"/>; the executed notebook at <paramref name="executedPath"/> is rewritten after every cell, and a run that stops early stays marked incomplete.</summary>
    public static async Task<NotebookResult> RunAsync(string notebookPath, string executedPath, ExecutionSettings settings, IRunProgress progress)
    {
        var clock = Stopwatch.StartNew();
        // Resolved now: while cells run, the current directory is the notebook's folder.
        executedPath = Path.GetFullPath(executedPath);
        var name = Path.GetFileNameWithoutExtension(notebookPath);
        progress.NotebookStarted(name);
        InteractiveDocument document;
        try { document = Notebook.Parse(File.ReadAllText(notebookPath), KernelInfos); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException or ArgumentException)
        {
            var failed = new NotebookResult(name, false, clock.Elapsed.TotalSeconds, [], new Dictionary<string, double?>(),
                $"{notebookPath} could not be read as a Jupyter notebook (.ipynb): {e.Message}", null, null);
            progress.NotebookFinished(failed);
            return failed;
        }

        var executor = new NotebookExecutor(document, name, executedPath, settings, progress);
        var metricsFile = Path.Combine(Path.GetTempPath(), $"notebook-metrics-{Guid.NewGuid():N}.jsonl");
        var previousMetrics = Environment.GetEnvironmentVariable(MetricsVariable);
        var previousDirectory = Directory.GetCurrentDirectory();
        string? error;
        try
        {
            Environment.SetEnvironmentVariable(MetricsVariable, metricsFile);
            // The kernel runs a notebook in its folder, so relative paths in #r and in code resolve as in VS Code.
            Directory.SetCurrentDirectory(Path.GetDirectoryName(Path.GetFullPath(notebookPath))!);
            error = await executor.ExecuteAsync();
        }
        finally
        {
            Directory.SetCurrentDirectory(previousDirectory);
            Environment.SetEnvironmentVariable(MetricsVariable, previousMetrics);
        }
        var (metrics, claims, exercises) = ReadRecords(metricsFile);
        File.Delete(metricsFile);
        executor._runMetadata["status"] = error is null ? "ok" : "failed";
        executor._runMetadata["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 3);
        if (error is not null) executor._runMetadata["error"] = error;
        executor.Save();
        var result = new NotebookResult(name, error is null, clock.Elapsed.TotalSeconds, executor._timings, metrics, error, executedPath, null) { Claims = claims, Exercises = exercises };
        progress.NotebookFinished(result);
        return result;
    }

    /// <returns>Null when every cell ran, else the failure's one-paragraph description.</returns>
    async Task<string?> ExecuteAsync()
    {
        var elements = _document.Elements;
        // Cell numbers in messages are positions in the notebook as written, before the injected cell.
        var numbers = elements.Select((e, i) => (e, i + 1)).ToDictionary(p => p.e, p => p.Item2);
        foreach (var element in elements.Where(IsCode))
        {
            element.Outputs.Clear();
            element.ExecutionOrder = 0;
        }
        // nbformat 4.5 requires cell ids; Documents keeps the ones a notebook has and invents none.
        foreach (var element in elements.Where(e => string.IsNullOrEmpty(e.Id))) element.Id = NewId();
        // A notebook saved from an earlier run may still carry its injected cell: drop it, as papermill does.
        foreach (var stale in elements.Where(e => Tags(e).Contains(ParameterInjector.InjectedTag)).ToList()) elements.Remove(stale);
        if (_settings.SolutionsDirectory is { } solutions)
        {
            var answerCells = elements.Where(e => IsCode(e) && Tags(e).Contains(SolutionInjector.ExerciseTag)).ToList();
            try
            {
                if (SolutionInjector.Solution(_name, solutions, answerCells.Count) is { } solution)
                {
                    answerCells[0].Contents = solution;
                    _runMetadata["solutions"] = SolutionInjector.FileFor(solutions, _name);
                }
            }
            catch (SolutionException e)
            {
                Save();
                return e.Message;
            }
        }

        var parametersCell = elements.FirstOrDefault(e => IsCode(e) && Tags(e).Contains(ParameterInjector.ParametersTag));
        InteractiveDocumentElement? injected = null;
        IReadOnlyList<KeyValuePair<string, string>> overrides;
        try
        {
            overrides = ParameterInjector.Overrides(_name, _document.Metadata, _settings.Smoke, _settings.Parameters);
            ParameterInjector.CheckNames(_name, overrides, parametersCell?.Contents);
        }
        catch (ParameterException e)
        {
            Save();
            return e.Message;
        }
        _runMetadata["parameters"] = overrides.GroupBy(o => o.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        if (overrides.Count > 0)
        {
            injected = new InteractiveDocumentElement("", CourseKernel.CSharp)
            {
                Id = NewId(),
                Metadata = new Dictionary<string, object> { ["tags"] = new[] { ParameterInjector.InjectedTag } },
            };
            elements.Insert(elements.IndexOf(parametersCell!) + 1, injected);
        }
        Save();

        using var kernel = CourseKernel.Create();
        var csharp = (Microsoft.DotNet.Interactive.CSharp.CSharpKernel)kernel.FindKernelByName(CourseKernel.CSharp)!;
        var outputs = new CellOutputs();
        using var subscription = kernel.KernelEvents.Subscribe(outputs.Add);
        // The kernel's first submission loads and warms up the compiler (tens of seconds on a busy machine); done here, before
        // any cell, so that --cell-timeout measures the cells themselves and the warm-up shows in no cell's output or timing.
        await kernel.SendAsync(new SubmitCode("_ = 0;", CourseKernel.CSharp));
        var executionCount = 0;
        foreach (var element in elements.Where(IsCode).ToList())
        {
            int? number = element == injected ? null : numbers[element];
            var label = number is int n ? $"cell {n}" : "injected parameters";
            var where = number is int k ? $"{_name}, cell {k}" : $"{_name}, injected-parameters cell";
            element.ExecutionOrder = ++executionCount;
            outputs.Current = element.Outputs;
            outputs.ExecutionCount = executionCount;
            _progress.CellStarted(_name, label);
            var clock = Stopwatch.StartNew();
            string? failure;
            try
            {
                if (element == injected)
                    element.Contents = ParameterInjector.Code(_name, _settings.Smoke, overrides, p => csharp.ScriptState?.GetVariable(p)?.Type);
                failure = await SubmitAsync(kernel, element.Contents, where, outputs);
            }
            catch (ParameterException e)
            {
                failure = e.Message;
                outputs.AddError("ParameterError", e.Message, [e.Message]);
            }
            outputs.Current = null;
            var seconds = clock.Elapsed.TotalSeconds;
            _timings.Add(new CellTiming(number, seconds));
            ((List<Dictionary<string, object?>>)_runMetadata["cells"]).Add(new() { ["index"] = number, ["seconds"] = Math.Round(seconds, 3), ["status"] = failure is null ? "ok" : "failed" });
            _progress.CellFinished(_name, label, seconds, failure is null);
            Save();
            if (failure is not null) return failure;
        }
        return null;
    }

    async Task<string?> SubmitAsync(CompositeKernel kernel, string code, string where, CellOutputs outputs)
    {
        var submission = kernel.SendAsync(new SubmitCode(code, CourseKernel.CSharp));
        if (_settings.CellTimeout is { } timeout && await Task.WhenAny(submission, Task.Delay(timeout)) != submission)
        {
            // The kernel cannot stop C# code that does not watch its cancellation token, so the cell is abandoned, not
            // cancelled; its notebook ends here and the process exits with it.
            var message = $"{where} did not finish within the cell timeout of {timeout.TotalSeconds:0.#} s (--cell-timeout); the cells before it are kept in the executed notebook.";
            outputs.AddError("CellTimeout", message, [message]);
            return message;
        }
        var result = await submission;
        if (result.Events.OfType<CommandFailed>().FirstOrDefault() is not { } failed) return null;
        if (failed.Exception is null or CodeSubmissionCompilationErrorException)
        {
            // Compiler and directive errors: the kernel's message is the (line,col): error CSxxxx diagnostics.
            var diagnostics = (failed.Exception?.Message ?? failed.Message).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            outputs.AddError("CompilationError", diagnostics[0], [$"{where}: compilation failed", .. diagnostics]);
            return $"{where}: {string.Join("\n", diagnostics)}";
        }
        var exception = failed.Exception;
        var header = $"{where}: {exception.GetType().FullName}: {exception.Message}";
        outputs.AddError(exception.GetType().FullName ?? exception.GetType().Name, exception.Message,
            [header, .. exception.ToString().Split('\n').Select(l => l.TrimEnd('\r'))]);
        return header;
    }

    void Save()
    {
        _document.Metadata[MetadataKey] = _runMetadata;
        AtomicFile.Write(_executedPath, stream => Notebook.Write(_document, stream, KernelInfos));
    }

    static string NewId() => Guid.NewGuid().ToString("N")[..12];

    static bool IsCode(InteractiveDocumentElement e) => e.KernelName is not null and not "markdown";

    static IReadOnlyList<string> Tags(InteractiveDocumentElement e) =>
        e.Metadata is not null && e.Metadata.TryGetValue("tags", out var tags) && JsonSerializer.SerializeToNode(tags) is JsonArray array
            ? array.Select(t => t?.GetValue<string>()).OfType<string>().ToList()
            : [];

    static KernelInfoCollection CreateKernelInfos()
    {
        var infos = new KernelInfoCollection { new Microsoft.DotNet.Interactive.Documents.KernelInfo(CourseKernel.CSharp, "C#", ["c#", "cs"]) };
        infos.DefaultKernelName = CourseKernel.CSharp;
        return infos;
    }

    /// <summary>The JSON lines the notebook's library appended: <c>{"name", "value"}</c> for a metric, <c>{"claim", "holds", "evidence"}</c> for a claim,
    /// <c>{"exercise", "verdict", "message"}</c> for an exercise check.</summary>
    internal static (Dictionary<string, double?> Metrics, List<ClaimVerdict> Claims, List<ExerciseCheck> Exercises) ReadRecords(string file)
    {
        var metrics = new Dictionary<string, double?>();
        var claims = new List<ClaimVerdict>();
        var exercises = new List<ExerciseCheck>();
        if (!File.Exists(file)) return (metrics, claims, exercises);
        foreach (var line in File.ReadAllLines(file).Where(l => l.Length > 0))
        {
            var record = JsonNode.Parse(line)!;
            if (record["claim"] is { } statement)
            {
                var claim = new ClaimVerdict(statement.GetValue<string>(), record["holds"]!.GetValue<bool>(), record["evidence"]?.GetValue<string>() ?? "");
                ReplaceOrAdd(claims, claim, c => c.Statement == claim.Statement);
                continue;
            }
            if (record["exercise"] is { } exercise)
            {
                var check = new ExerciseCheck(exercise.GetValue<string>(), record["verdict"]!.GetValue<string>(), record["message"]?.GetValue<string>() ?? "");
                ReplaceOrAdd(exercises, check, c => c.Name == check.Name);
                continue;
            }
            var value = record["value"];
            metrics[record["name"]!.GetValue<string>()] = value?.GetValueKind() == JsonValueKind.Number ? value.GetValue<double>() : null;
        }
        return (metrics, claims, exercises);
    }

    /// <summary>A rerun cell's verdict replaces the earlier one where it stood, so a notebook's order of claims and checks is kept.</summary>
    static void ReplaceOrAdd<T>(List<T> verdicts, T verdict, Predicate<T> same)
    {
        var known = verdicts.FindIndex(same);
        if (known >= 0) verdicts[known] = verdict;
        else verdicts.Add(verdict);
    }
}
