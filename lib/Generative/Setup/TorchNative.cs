using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using TorchSharp;

namespace Generative.Setup;

/// <summary>Makes TorchSharp's native library loadable on systems whose libstdc++ predates GCC 13 (Debian 12, Ubuntu 22.04).</summary>
/// <remarks>
/// libLibTorchSharp.so 0.107.0 asks for GLIBCXX_3.4.32 only for std::ios_base_library_init(), which nothing calls.
/// A copy with that version reference marked weak, kept in a cache folder we own, loads and trains correctly.
/// Where the shipped library loads as it is, the shipped library is used unchanged.
/// </remarks>
public static class TorchNative
{
    const string MissingVersion = "GLIBCXX_3.4.32";
    static readonly string[] Dependencies = ["libc10.so", "libtorch_cpu.so", "libtorch.so"];
    static readonly object Gate = new();
    static string? _loadedFrom;

    /// <summary>Where libLibTorchSharp.so was loaded from, once <see cref="Ensure"/> ran: the shipped file or the patched copy.</summary>
    public static string? LoadedFrom => _loadedFrom;

    /// <summary>Loads TorchSharp's native libraries, patching a cached copy first where the system needs it. Idempotent.</summary>
    public static void Ensure()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64) return;
        lock (Gate)
        {
            if (_loadedFrom is not null) return;
            var torchSharp = typeof(torch).Assembly;
            string shipped = FindNative(torchSharp, "libLibTorchSharp.so")
                ?? throw new InvalidOperationException(
                    "TorchSharp's native library libLibTorchSharp.so was not found next to TorchSharp.dll or in the NuGet cache. " +
                    "Reference the TorchSharp-cpu package (see Directory.Packages.props) and restore, then try again.");
            foreach (var dep in Dependencies)
            {
                string path = FindNative(torchSharp, dep)
                    ?? throw new InvalidOperationException(
                        $"libtorch's {dep} was not found. It ships in the libtorch-cpu-linux-x64 package that TorchSharp-cpu depends on: restore the project and try again.");
                NativeLibrary.Load(path);
            }

            if (!NativeLibrary.TryLoad(shipped, out var handle))
            {
                string patched = PatchedCopy(shipped);
                if (!TryLoad(patched, out handle, out var error))
                    throw new InvalidOperationException(
                        $"TorchSharp's native library could not be loaded, even after marking {MissingVersion} weak in a copy ({patched}): {error} " +
                        "Install a libstdc++ from GCC 13 or newer (package libstdc++6 from a newer release), or use a TorchSharp build made for this system.");
                shipped = patched;
            }
            var loaded = handle;
            try
            {
                NativeLibrary.SetDllImportResolver(torchSharp, (name, _, _) =>
                    name is "LibTorchSharp" or "libLibTorchSharp" or "libLibTorchSharp.so" ? loaded : IntPtr.Zero);
            }
            catch (InvalidOperationException)
            {
                // A resolver is already set (a second copy of this library in the process); the loader then
                // finds the already-loaded object by its soname.
            }
            _loadedFrom = shipped;
        }
    }

    static bool TryLoad(string path, out IntPtr handle, out string error)
    {
        try { handle = NativeLibrary.Load(path); error = ""; return true; }
        catch (DllNotFoundException e) { handle = IntPtr.Zero; error = e.Message; return false; }
    }

    /// <summary>The patched copy of <paramref name="shipped"/> in the cache, written atomically if absent or not byte-identical to a fresh patch.</summary>
    static string PatchedCopy(string shipped)
    {
        byte[] bytes = File.ReadAllBytes(shipped);
        if (ElfVersionPatch.MarkWeak(bytes, MissingVersion) == 0)
            throw new InvalidOperationException(
                $"{shipped} does not load on this system and has no {MissingVersion} requirement to relax; the cause is something else. " +
                "Run `ldd` on it to see what is missing.");
        string hash = Convert.ToHexString(SHA256.HashData(bytes))[..16].ToLowerInvariant();
        string dir = Path.Combine(CourseCache.Root, "torchsharp-native", hash);
        string target = Path.Combine(dir, "libLibTorchSharp.so");
        if (File.Exists(target) && File.ReadAllBytes(target).AsSpan().SequenceEqual(bytes)) return target;
        Directory.CreateDirectory(dir);
        AtomicFile.WriteAllBytes(target, bytes);
        return target;
    }

    static string? FindNative(Assembly torchSharp, string file)
    {
        foreach (var dir in NativeDirectories(torchSharp))
        {
            string path = Path.Combine(dir, file);
            if (File.Exists(path)) return path;
        }
        return null;
    }

    static IEnumerable<string> NativeDirectories(Assembly torchSharp)
    {
        const string rid = "runtimes/linux-x64/native";
        var bases = new List<string> { AppContext.BaseDirectory };
        if (!string.IsNullOrEmpty(torchSharp.Location)) bases.Add(Path.GetDirectoryName(torchSharp.Location)!);
        foreach (var b in bases)
        {
            yield return b;
            yield return Path.Combine(b, rid);
        }
        foreach (var root in NuGetRoots(torchSharp))
        {
            yield return Path.Combine(root, "torchsharp", TorchSharpVersion(torchSharp), rid);
            var libtorch = Path.Combine(root, "libtorch-cpu-linux-x64");
            if (Directory.Exists(libtorch))
                foreach (var v in Directory.GetDirectories(libtorch).OrderDescending())
                    yield return Path.Combine(v, rid);
        }
    }

    static IEnumerable<string> NuGetRoots(Assembly torchSharp)
    {
        // TorchSharp.dll inside the cache sits at <root>/torchsharp/<version>/lib/<tfm>/.
        if (!string.IsNullOrEmpty(torchSharp.Location))
        {
            var d = new DirectoryInfo(Path.GetDirectoryName(torchSharp.Location)!);
            if (d.Parent?.Parent?.Parent is { Name: "torchsharp" } pkg && pkg.Parent is { } root) yield return root.FullName;
        }
        var env = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (!string.IsNullOrEmpty(env)) yield return env;
        yield return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
    }

    static string TorchSharpVersion(Assembly torchSharp) =>
        torchSharp.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? torchSharp.GetName().Version!.ToString(3);
}
