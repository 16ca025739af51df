using System.Text;

namespace NotebookRunner.Execution;

/// <summary>Routes Console.Out and Console.Error into the executing cell's stream outputs while a notebook runs.</summary>
public sealed class CapturedConsole : IDisposable
{
    readonly TextWriter _out = Console.Out, _error = Console.Error;
    readonly Func<CellOutputs?> _current;

    /// <summary>Redirects both console streams to whatever cell <paramref name="current"/> names at write time.</summary>
    public CapturedConsole(Func<CellOutputs?> current)
    {
        _current = current;
        Console.SetOut(TextWriter.Synchronized(new StreamWriter(this, "stdout")));
        Console.SetError(TextWriter.Synchronized(new StreamWriter(this, "stderr")));
    }

    /// <summary>Puts the original console streams back.</summary>
    public void Dispose()
    {
        Console.SetOut(_out);
        Console.SetError(_error);
    }

    sealed class StreamWriter(CapturedConsole owner, string name) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;
        public override void Write(char value) => Write(value.ToString());
        public override void Write(string? value)
        {
            if (value is not null) owner._current()?.AppendStream(name, value);
        }
        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));
    }
}
