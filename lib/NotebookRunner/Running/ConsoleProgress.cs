using System.Diagnostics;
using Spectre.Console;

namespace NotebookRunner.Running;

/// <summary>Shows progress with Spectre.Console: a live status line with elapsed time on a terminal, plain lines when output is redirected (CI).</summary>
public sealed class ConsoleProgress : IRunProgress, IDisposable
{
    readonly IAnsiConsole _console;
    readonly bool _live;
    readonly Stopwatch _cell = new();
    readonly Stopwatch _notebook = new();
    Timer? _ticker;
    StatusContext? _status;
    string _current = "";

    /// <summary>Writes to <paramref name="output"/>, captured before notebooks redirect the console.</summary>
    public ConsoleProgress(TextWriter output, bool redirected)
    {
        _live = !redirected;
        _console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
        });
        // Log lines in CI are not wrapped at a guessed terminal width.
        if (redirected) _console.Profile.Width = 1000;
    }

    /// <summary>Runs <paramref name="work"/> under a live status line on a terminal, or directly otherwise.</summary>
    public Task<T> RunAsync<T>(Func<Task<T>> work) =>
        _live
            ? _console.Status().Spinner(Spinner.Known.Dots).StartAsync("starting", async ctx =>
            {
                _status = ctx;
                _ticker = new Timer(_ => Tick(), null, 250, 250);
                try { return await work(); }
                finally { await _ticker.DisposeAsync(); }
            })
            : work();

    /// <inheritdoc/>
    public void NotebookStarted(string name)
    {
        _notebook.Restart();
        _console.MarkupLine($"[bold]▶ {Markup.Escape(name)}[/]");
    }

    /// <inheritdoc/>
    public void CellStarted(string notebook, string label)
    {
        _current = $"{notebook} › {label}";
        _cell.Restart();
        if (!_live) _console.WriteLine($"  {label} ...");
        Tick();
    }

    /// <inheritdoc/>
    public void CellFinished(string notebook, string label, double seconds, bool ok) =>
        _console.MarkupLine($"  {(ok ? "[green]✓[/]" : "[red]✗[/]")} {Markup.Escape(label)} [grey]{seconds:0.0}s (notebook {_notebook.Elapsed.TotalSeconds:0.0}s)[/]");

    /// <inheritdoc/>
    public void NotebookFinished(NotebookResult result)
    {
        _current = "";
        if (result.Ok) _console.MarkupLine($"[green]✓ {Markup.Escape(result.Name)}[/] [grey]{result.Seconds:0.0}s[/]");
        else _console.MarkupLine($"[red]✗ {Markup.Escape(result.Name)}[/] [grey]{result.Seconds:0.0}s[/]\n[red]{Markup.Escape(result.Error ?? "failed")}[/]");
    }

    /// <summary>A line of its own, e.g. the run's result.</summary>
    public void Line(string markup) => _console.MarkupLine(markup);

    void Tick()
    {
        if (_status is null) return;
        _status.Status(_current.Length == 0 ? "running" : $"{Markup.Escape(_current)} [grey]{_cell.Elapsed.TotalSeconds:0.0}s[/]");
    }

    /// <inheritdoc/>
    public void Dispose() => _ticker?.Dispose();
}
