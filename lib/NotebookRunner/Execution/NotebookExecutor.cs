using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using NotebookRunner.Notebooks;
using NotebookRunner.Packages;
using NotebookRunner.Parameters;
using NotebookRunner.Running;

namespace NotebookRunner.Execution;

/// <summary>Executes one notebook's C# cells in order in one Roslyn script state, as the .NET Interactive C# kernel does.</summary>
public sealed class NotebookExecutor
{
    /// <summary>The environment variable through which notebooks' <c>Course.Record</c> calls reach summary.json (Generative.Setup.HeadlineMetrics).</summary>
    public const string MetricsVariable = "GENERATIVE_METRICS_FILE";

    readonly NotebookDocument _notebook;
    readonly IRunProgress _progress;
    readonly List<PackageReference> _packages = [];
    readonly List<string> _sources = [];
    readonly List<CellTiming> _timings = [];
    ScriptOptions _options = ScriptSetup.Create();
    ScriptState<object>? _state;
    CellOutputs? _current;
    int _executionCount;

    NotebookExecutor(NotebookDocument notebook, IRunProgress progress)
    {
        _notebook = notebook;
        _progress = progress;
    }

    /// <summary>Runs <paramref name="notebookPath"/> and writes the executed notebook to <paramref name="executedPath"/>, outputs and the failure included.</summary>
    /// <param name="notebookPath">The .ipynb to execute.</param>
    /// <param name="executedPath">Where the executed .ipynb goes.</param>
    /// <param name="smoke">Apply the notebook's smoke-profile overrides.</param>
    /// <param name="parameters">The -p values, in order.</param>
    /// <param name="progress">Receives notebook and cell progress.</param>
    public static async Task<NotebookResult> RunAsync(string notebookPath, string executedPath, bool smoke,
        IReadOnlyList<KeyValuePair<string, string>> parameters, IRunProgress progress)
    {
        var clock = Stopwatch.StartNew();
        var name = Path.GetFileNameWithoutExtension(notebookPath);
        progress.NotebookStarted(name);
        NotebookDocument notebook;
        try { notebook = NotebookDocument.Load(notebookPath); }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            var failed = new NotebookResult(name, false, clock.Elapsed.TotalSeconds, [], new Dictionary<string, double?>(), e.Message, null, null);
            progress.NotebookFinished(failed);
            return failed;
        }

        var executor = new NotebookExecutor(notebook, progress);
        var metricsFile = Path.Combine(Path.GetTempPath(), $"notebook-metrics-{Guid.NewGuid():N}.jsonl");
        var previousMetrics = Environment.GetEnvironmentVariable(MetricsVariable);
        var previousDirectory = Directory.GetCurrentDirectory();
        string? error;
        try
        {
            Environment.SetEnvironmentVariable(MetricsVariable, metricsFile);
            Directory.SetCurrentDirectory(Path.GetDirectoryName(Path.GetFullPath(notebookPath))!);
            using (new CapturedConsole(() => executor._current))
                error = await executor.ExecuteAsync(smoke, parameters);
        }
        finally
        {
            Directory.SetCurrentDirectory(previousDirectory);
            Environment.SetEnvironmentVariable(MetricsVariable, previousMetrics);
        }
        var metrics = ReadMetrics(metricsFile);
        File.Delete(metricsFile);
        notebook.Save(executedPath);
        var result = new NotebookResult(name, error is null, clock.Elapsed.TotalSeconds, executor._timings, metrics, error, Path.GetFullPath(executedPath), null);
        progress.NotebookFinished(result);
        return result;
    }

    /// <returns>Null when every cell ran, else the failure's one-paragraph description.</returns>
    async Task<string?> ExecuteAsync(bool smoke, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        // Cell numbers in messages are positions in the notebook as written, before the injected cell.
        var numbers = _notebook.Cells.OfType<JsonObject>().Select((c, i) => (c, i + 1)).ToDictionary(p => p.c, p => p.Item2);
        _notebook.NormalizeForExecution();
        JsonObject? injected;
        try { injected = ParameterInjector.Inject(_notebook, smoke, parameters); }
        catch (NotebookException e) { return e.Message; }

        var globals = new NotebookGlobals(() => _current);
        foreach (var cell in _notebook.Cells.OfType<JsonObject>().Where(Cell.IsCode).ToList())
        {
            int? number = cell == injected ? null : numbers[cell];
            var label = number is int n ? $"cell {n}" : "injected parameters";
            var where = number is int k ? $"{_notebook.Name}, cell {k}" : $"{_notebook.Name}, injected-parameters cell";
            var outputs = new CellOutputs((JsonArray)cell["outputs"]!);
            cell["execution_count"] = ++_executionCount;
            _progress.CellStarted(_notebook.Name, label);
            var clock = Stopwatch.StartNew();
            string? failure = null;
            _current = outputs;
            try
            {
                await ExecuteCellAsync(Cell.Source(cell), where, outputs, globals);
            }
            catch (Exception e)
            {
                failure = ReportFailure(e, where, outputs);
            }
            finally
            {
                _current = null;
            }
            var seconds = clock.Elapsed.TotalSeconds;
            _timings.Add(new CellTiming(number, seconds));
            _progress.CellFinished(_notebook.Name, label, seconds, failure is null);
            if (failure is not null) return failure;
        }
        return null;
    }

    async Task ExecuteCellAsync(string source, string where, CellOutputs outputs, NotebookGlobals globals)
    {
        var directives = CellDirectives.Parse(source, where);
        _sources.AddRange(directives.Sources.Except(_sources));
        var newPackages = directives.Packages.Where(p => !_packages.Contains(p)).ToList();
        if (newPackages.Any(p => p.Id.Equals(PlotlyChartFormatter.ExtensionPackage, StringComparison.OrdinalIgnoreCase)))
            PlotlyChartFormatter.Enable();
        newPackages.RemoveAll(p => p.Id.Equals(PlotlyChartFormatter.ExtensionPackage, StringComparison.OrdinalIgnoreCase));
        if (newPackages.Count > 0)
        {
            _packages.AddRange(newPackages);
            // The kernel restores a notebook's packages cumulatively: each restore sees every package so far.
            var restored = await PackageRestorer.RestoreAsync(_packages, _sources);
            DefaultContextLoader.AddNativeLibraries(restored.NativeLibraries);
            AddReferences(restored.Assemblies.Select(DefaultContextLoader.Load));
            outputs.AppendStream("stdout", $"Installed packages: {string.Join(", ", newPackages.Select(p => $"{p.Id}, {p.Version ?? "latest"}"))}\n");
        }
        foreach (var path in directives.AssemblyPaths)
        {
            var full = Path.GetFullPath(path);
            if (!File.Exists(full))
                throw new NotebookException($"{where}: #r \"{path}\" names no file (looked for {full}, relative to the notebook's folder). Build or fetch it first, or fix the path.");
            AddReferences([DefaultContextLoader.Load(full)]);
        }
        if (string.IsNullOrWhiteSpace(directives.Code)) return;

        var options = _options.WithFilePath(CellFile(where));
        _state = _state is null
            ? await CSharpScript.RunAsync(directives.Code, options, globals, typeof(NotebookGlobals))
            : await _state.ContinueWithAsync(directives.Code, options);
        if (_state.ReturnValue is { } value && EndsWithExpression(directives.Code))
            outputs.AddResult(_executionCount, OutputFormatter.Format(value));
    }

    // A trailing expression without a semicolon is the cell's value, as in the kernel.
    static bool EndsWithExpression(string code) =>
        CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(kind: SourceCodeKind.Script)).GetCompilationUnitRoot()
            .Members.LastOrDefault() is GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } };

    void AddReferences(IEnumerable<MetadataReference?> references)
    {
        var list = references.OfType<MetadataReference>().ToList();
        if (list.Count > 0) _options = _options.AddReferences(list);
    }

    // Roslyn names the cell with this "file" in diagnostics and stack traces, which is how a failure finds its line.
    static string CellFile(string where) => where;

    static string ReportFailure(Exception exception, string where, CellOutputs outputs)
    {
        switch (exception)
        {
            case CompilationErrorException compile:
                var diagnostics = compile.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
                outputs.AddError("CompilationError", diagnostics.FirstOrDefault() ?? compile.Message,
                    [$"{where}: compilation failed", .. diagnostics]);
                return $"{where}: compilation failed\n{string.Join("\n", diagnostics)}";
            case NotebookException notebook:
                outputs.AddError("NotebookError", notebook.Message, [notebook.Message]);
                return notebook.Message;
            default:
                var e = Unwrap(exception);
                var line = new StackTrace(e, fNeedFileInfo: true).GetFrames()
                    .FirstOrDefault(f => f.GetFileName() == CellFile(where))?.GetFileLineNumber();
                var header = line is > 0 ? $"{where}, line {line}: {e.GetType().FullName}" : $"{where}: {e.GetType().FullName}";
                outputs.AddError(e.GetType().FullName ?? e.GetType().Name, e.Message, [header, .. e.ToString().Split('\n').Select(l => l.TrimEnd('\r'))]);
                return $"{header}: {e.Message}";
        }
    }

    static Exception Unwrap(Exception e) => e switch
    {
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        AggregateException { InnerExceptions.Count: 1 } aggregate => Unwrap(aggregate.InnerExceptions[0]),
        _ => e,
    };

    static Dictionary<string, double?> ReadMetrics(string file)
    {
        var metrics = new Dictionary<string, double?>();
        if (!File.Exists(file)) return metrics;
        foreach (var line in File.ReadAllLines(file).Where(l => l.Length > 0))
        {
            var record = JsonNode.Parse(line)!;
            var value = record["value"];
            metrics[record["name"]!.GetValue<string>()] = value?.GetValueKind() == JsonValueKind.Number ? value.GetValue<double>() : null;
        }
        return metrics;
    }
}
