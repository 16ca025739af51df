using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.CSharp;
using NotebookRunner.Execution;
using NotebookRunner.Parameters;
using NotebookRunner.Running;

namespace NotebookRunner.Tests.Support;

/// <summary>Executes notebooks as a Jupyter front end does: Debian's nbclient starts the registered <c>.net-csharp</c> kernel
/// (the pinned dotnet-interactive tool) and stores the outputs the kernel sends.</summary>
public static class Jupyter
{
    /// <summary>Debian's interpreter: its python3-nbclient is not visible to a pyenv or venv python that may come first on PATH.</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>The kernelspec the course's notebooks name, which <c>dotnet-interactive jupyter install</c> registers.</summary>
    public const string KernelName = ".net-csharp";

    const string Setup = "Or run 'bash .ci/prepare', which does all of this.";

    // The kernel starts in the notebooks' own folder, as Jupyter starts it for a notebook opened there, so their relative #r paths resolve.
    const string Driver = """
        import sys
        import nbformat, nbclient
        source, executed, folder, timeout = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
        nb = nbformat.read(source, as_version=4)
        client = nbclient.NotebookClient(nb, kernel_name=sys.argv[5], timeout=timeout, startup_timeout=180,
                                         resources={"metadata": {"path": folder}})
        try:
            client.execute()
        finally:
            nbformat.write(nb, executed)
        """;

    const string Check = """
        import sys
        try:
            import nbclient, nbformat
        except ImportError:
            sys.exit(3)
        from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
        try:
            print(" ".join(KernelSpecManager().get_kernel_spec(sys.argv[1]).argv))
        except NoSuchKernel:
            sys.exit(4)
        """;

    /// <summary>Throws with what to install or run when this machine cannot execute the course through Jupyter.</summary>
    public static void RequirePrerequisites()
    {
        if (!File.Exists(Python))
            throw new InvalidOperationException($"Executing notebooks through Jupyter needs Debian's {Python} with nbclient: run 'sudo apt-get install -y python3-nbclient'. {Setup}");
        var (exit, output) = Run(Python, ["-c", Check, KernelName], Fixtures.RepoRoot, TimeSpan.FromMinutes(1));
        if (exit == 3)
            throw new InvalidOperationException($"{Python} cannot import nbclient: run 'sudo apt-get install -y python3-nbclient'. {Setup}");
        if (exit == 4)
            throw new InvalidOperationException($"The Jupyter kernelspec '{KernelName}' is not registered: run 'dotnet tool restore' and "
                + "'dotnet tool run dotnet-interactive jupyter install' in the repository (if it says the kernels folder is missing, "
                + $"'mkdir -p \"$(jupyter --data-dir)/kernels\"' first). {Setup}");
        if (exit != 0)
            throw new InvalidOperationException($"Checking the Jupyter set-up with {Python} failed:\n{output}");
        var (toolExit, toolOutput) = Run("dotnet", ["tool", "run", "dotnet-interactive", "--version"], Fixtures.RepoRoot, TimeSpan.FromMinutes(2));
        if (toolExit != 0)
            throw new InvalidOperationException($"The '{KernelName}' kernelspec starts the dotnet-interactive tool pinned in .config/dotnet-tools.json, "
                + $"which is not restored: run 'dotnet tool restore' in the repository. {Setup}\n{toolOutput}");
    }

    /// <summary>A copy of notebook <paramref name="path"/> with papermill's <c>injected-parameters</c> cell after its <c>parameters</c>
    /// cell, assigning the notebook's smoke values.</summary>
    /// <remarks>Jupyter knows no parameter types, so values are written as papermill writes them: numbers and true/false as
    /// they are, anything else as a C# string.</remarks>
    public static JsonObject WithSmokeParameters(string path)
    {
        var notebook = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var name = Path.GetFileNameWithoutExtension(path);
        var metadata = notebook["metadata"]!.AsObject().ToDictionary(p => p.Key, p => (object)p.Value!);
        var overrides = ParameterInjector.Overrides(name, metadata, smoke: true, []);
        if (overrides.Count == 0) return notebook;
        var cells = notebook["cells"]!.AsArray();
        var parameters = cells.OfType<JsonObject>().SingleOrDefault(c => c["metadata"]?["tags"]?.AsArray().Any(t => t!.GetValue<string>() == ParameterInjector.ParametersTag) == true)
            ?? throw new InvalidOperationException($"{name} has smoke values but no cell tagged '{ParameterInjector.ParametersTag}'");
        var code = "// Injected for the smoke profile.\n" + string.Concat(overrides.Select(o => $"{o.Key} = {Literal(o.Value)};\n"));
        cells.Insert(cells.IndexOf(parameters) + 1, new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["id"] = "injected-parameters",
            ["metadata"] = new JsonObject { ["tags"] = new JsonArray(ParameterInjector.InjectedTag) },
            ["outputs"] = new JsonArray(),
            ["source"] = code,
        });
        return notebook;
    }

    static string Literal(string text) =>
        text is "true" or "false" || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? text : SymbolDisplay.FormatLiteral(text, quote: true);

    /// <summary>What one notebook's Jupyter execution left: the executed notebook, whether it finished, what nbclient printed,
    /// and what <c>Course.Record</c> and <c>Claims.Check</c> recorded.</summary>
    public sealed record Execution(string Name, bool Ok, string Output, JsonObject? Executed, TimeSpan Elapsed,
        IReadOnlyDictionary<string, double?> Metrics, IReadOnlyList<ClaimVerdict> Claims);

    /// <summary>Executes <paramref name="notebook"/> (named <paramref name="name"/>) in the registered kernel, started in
    /// <paramref name="folder"/>, with <paramref name="environment"/> added to the kernel's environment.</summary>
    public static Execution Execute(string name, JsonObject notebook, string folder, string outDirectory, IReadOnlyDictionary<string, string> environment,
        TimeSpan cellTimeout)
    {
        var source = Path.Combine(outDirectory, name + ".input.ipynb");
        var executed = Path.Combine(outDirectory, name + ".ipynb");
        var records = Path.Combine(outDirectory, name + ".records.jsonl");
        File.WriteAllText(source, notebook.ToJsonString());
        // The library's Course.Record and Claims.Check append here when the variable is set, in any process, the kernel's included.
        var env = new Dictionary<string, string>(environment) { [NotebookExecutor.MetricsVariable] = records };
        var clock = Stopwatch.StartNew();
        var (exit, output) = Run(Python, ["-c", Driver, source, executed, folder, ((int)cellTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture), KernelName],
            folder, TimeSpan.FromMinutes(20), env);
        var (metrics, claims, _) = NotebookExecutor.ReadRecords(records);
        return new Execution(name, exit == 0, output, File.Exists(executed) ? JsonNode.Parse(File.ReadAllText(executed))!.AsObject() : null,
            clock.Elapsed, metrics, claims);
    }

    /// <summary>The error outputs of an executed notebook, one line each.</summary>
    public static IEnumerable<string> Errors(JsonObject executed) =>
        Fixtures.CodeCells(executed).SelectMany(Fixtures.Outputs).Where(o => o["output_type"]!.GetValue<string>() == "error")
            .Select(o => $"{o["ename"]}: {o["evalue"]}");

    static (int Exit, string Output) Run(string file, IEnumerable<string> arguments, string directory, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = directory };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{file} did not finish within {timeout.TotalMinutes:F0} minutes\n{stdout.Result}{stderr.Result}");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
