using System.Text;

namespace Generative.Setup;

/// <summary>Writes files so that a reader sees either the old file or the whole new one, never a partial write.</summary>
/// <remarks>The one copy of these steps: the runner and the benchmarks compile this file in (the runner must not load the course
/// library, whose notebooks load it themselves), so it is internal to each assembly that needs it.</remarks>
internal static class AtomicFile
{
    /// <summary>Writes through a uniquely named temporary file in the same folder, flushed to disk, then renamed over the target.</summary>
    public static void Write(string path, Action<Stream> write) => Write(path, write, validate: null);

    /// <summary>As <see cref="Write(string, Action{Stream})"/>, but the written temporary file must pass <paramref name="validate"/>
    /// (given its path) before it replaces the target; when it throws, the target is left as it was.</summary>
    public static void Write(string path, Action<Stream> write, Action<string>? validate)
    {
        string dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        string tmp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var fs = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(fs);
                fs.Flush(flushToDisk: true);
            }
            validate?.Invoke(tmp);
            File.Move(tmp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }

    /// <summary>Atomically replaces <paramref name="path"/> with <paramref name="bytes"/>.</summary>
    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, s => s.Write(bytes));

    /// <summary>Atomically replaces <paramref name="path"/> with <paramref name="text"/> in UTF-8, without a byte-order mark.</summary>
    public static void WriteAllText(string path, string text) => WriteAllBytes(path, Encoding.UTF8.GetBytes(text));
}
