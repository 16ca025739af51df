using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace NotebookRunner.Packages;

/// <summary>Loads <c>#r</c> assemblies into the default load context, as the .NET Interactive kernel does, and hands them to Roslyn.</summary>
/// <remarks>
/// Roslyn gets image references (no file path), so its own assembly loader never loads a second copy in a private
/// context: every name the scripts bind resolves through the default context. No lenient version resolver is
/// installed, so a notebook that needs a newer FSharp.Core than the process holds fails here as it does in VS Code.
/// </remarks>
public static class DefaultContextLoader
{
    static readonly ConcurrentDictionary<string, MetadataReference> References = new(StringComparer.Ordinal);
    static readonly ConcurrentDictionary<string, string> NativeByFileName = new(StringComparer.Ordinal);
    static readonly HashSet<string> FrameworkNames = Directory.EnumerateFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll")
        .Select(Path.GetFileNameWithoutExtension).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
    static int _nativeResolverInstalled;

    /// <summary>Loads <paramref name="path"/> into the default context unless an assembly of that name is already there or in the framework; returns the reference to compile against, or null for framework assemblies.</summary>
    public static MetadataReference? Load(string path)
    {
        var full = Path.GetFullPath(path);
        if (References.TryGetValue(full, out var known)) return known;
        var name = AssemblyName.GetAssemblyName(full);
        // The framework wins over a package's copy, as the SDK's conflict resolution decides at build time.
        if (FrameworkNames.Contains(name.Name!)) return null;
        var loaded = AssemblyLoadContext.Default.Assemblies.Any(a => string.Equals(a.GetName().Name, name.Name, StringComparison.OrdinalIgnoreCase))
            || IsTrustedPlatformAssembly(name.Name!);
        // An already-loaded name (FSharp.Core in a kernel) stays as it is: the package's copy is compiled against, never loaded.
        if (!loaded) AssemblyLoadContext.Default.LoadFromAssemblyPath(full);
        var reference = AssemblyMetadata.CreateFromImage(File.ReadAllBytes(full)).GetReference(display: full);
        References[full] = reference;
        return reference;
    }

    /// <summary>Makes <paramref name="paths"/> findable when an assembly in the default context P/Invokes them by name.</summary>
    public static void AddNativeLibraries(IEnumerable<string> paths)
    {
        foreach (var path in paths) NativeByFileName.TryAdd(Path.GetFileName(path), path);
        if (Interlocked.Exchange(ref _nativeResolverInstalled, 1) == 1) return;
        AssemblyLoadContext.Default.ResolvingUnmanagedDll += (_, name) =>
        {
            foreach (var candidate in new[] { name, $"{name}.so", $"lib{name}.so", $"{name}.dylib", $"lib{name}.dylib", $"{name}.dll" })
                if (NativeByFileName.TryGetValue(candidate, out var file)) return NativeLibrary.Load(file);
            return IntPtr.Zero;
        };
    }

    static bool IsTrustedPlatformAssembly(string name) =>
        (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string)?.Split(Path.PathSeparator)
            .Any(p => string.Equals(Path.GetFileNameWithoutExtension(p), name, StringComparison.OrdinalIgnoreCase)) == true;
}
