using System.Diagnostics;

namespace NotebookRunner.Export;

/// <summary>Checks a notebook file against the nbformat 4 schema with Python's reference validator (Debian: python3-nbformat).</summary>
public static class NbformatValidation
{
    private const int MissingModuleExit = 3;

    private const string Script = """
        import sys
        try:
            import nbformat
        except ImportError:
            sys.exit(3)
        try:
            nb = nbformat.read(sys.argv[1], as_version=nbformat.NO_CONVERT)
            if nb.get("nbformat") != 4:
                raise ValueError("nbformat is %r, expected 4" % nb.get("nbformat"))
            nbformat.validate(nb)
        except Exception as e:
            print("%s: %s" % (type(e).__name__, e), file=sys.stderr)
            sys.exit(1)
        """;

    /// <summary>Returns when <paramref name="ipynbPath"/> is a valid nbformat 4 notebook; otherwise throws with the validator's message.</summary>
    public static void Validate(string ipynbPath)
    {
        if (!File.Exists(ipynbPath)) throw new FileNotFoundException($"Notebook to validate not found: {ipynbPath}", ipynbPath);
        var tried = new List<string>();
        foreach (var python in Interpreters())
        {
            var (exit, error) = Run(python, ipynbPath);
            if (exit is null || exit == MissingModuleExit) { tried.Add(python); continue; }
            if (exit == 0) return;
            throw new InvalidDataException($"{ipynbPath} is not a valid nbformat 4 notebook: {error.Trim()}");
        }
        throw new InvalidOperationException(
            $"No Python with the nbformat module was found (tried {string.Join(", ", tried)}). "
            + "Install it with 'apt-get install -y python3-nbformat', or point NBFORMAT_PYTHON at a python that has nbformat.");
    }

    // Debian's python3-nbformat lives with /usr/bin/python3; a pyenv or venv python3 first on PATH often lacks it (and pyenv shims are slow).
    private static IEnumerable<string> Interpreters()
    {
        var chosen = Environment.GetEnvironmentVariable("NBFORMAT_PYTHON");
        if (!string.IsNullOrEmpty(chosen)) yield return chosen;
        yield return "/usr/bin/python3";
        yield return "python3";
    }

    private static (int? Exit, string Error) Run(string python, string ipynbPath)
    {
        var start = new ProcessStartInfo(python) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(Path.GetFullPath(ipynbPath));
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (null, "");
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(60_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"nbformat validation of {ipynbPath} with {python} took over 60 s.");
            }
            return (process.ExitCode, stderr.Result);
        }
    }
}
