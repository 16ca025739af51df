using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace NotebookRunner.Export;

/// <summary>plotly.js as shipped inside Plotly.NET.dll, read from the file so the runner never loads Plotly.NET itself.</summary>
internal static class PlotlyJs
{
    private const string PackageVersion = "6.0.0";
    private const string ResourceName = "Plotly.NET.plotly-2.28.0.min.js";

    private static readonly Lazy<string> Script = new(Load);

    /// <summary>The minified plotly.js source, loaded once per process.</summary>
    public static string Source => Script.Value;

    private static string Load()
    {
        var candidates = CandidateDllPaths().ToList();
        var dll = candidates.FirstOrDefault(File.Exists) ?? throw new FileNotFoundException(
            $"plotly.js is needed to export a notebook with charts, and it is read from Plotly.NET {PackageVersion}'s DLL, "
            + $"which was not found at: {string.Join(", ", candidates)}. Run 'dotnet restore lib/NotebookRunner' (it restores Plotly.NET into the NuGet cache).");
        return ReadManifestResource(dll, ResourceName);
    }

    private static IEnumerable<string> CandidateDllPaths()
    {
        const string relative = "lib/netstandard2.0/Plotly.NET.dll";
        var built = typeof(PlotlyJs).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "PlotlyNetPackageDir")?.Value;
        if (!string.IsNullOrEmpty(built)) yield return Path.Combine(built, relative);
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrEmpty(cache))
            cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        yield return Path.Combine(cache, "plotly.net", PackageVersion, relative);
    }

    /// <summary>Reads an embedded resource straight from a PE file's metadata: no assembly load, so no load-context side effects.</summary>
    internal static string ReadManifestResource(string dllPath, string resourceName)
    {
        using var stream = File.OpenRead(dllPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (metadata.GetString(resource.Name) != resourceName) continue;
            if (!resource.Implementation.IsNil)
                throw new InvalidDataException($"Resource '{resourceName}' in {dllPath} lives in another file; expected it embedded.");
            var directory = pe.PEHeaders.CorHeader!.ResourcesDirectory;
            if (!pe.PEHeaders.TryGetDirectoryOffset(directory, out var start))
                throw new InvalidDataException($"{dllPath} has no readable resources directory.");
            var image = pe.GetEntireImage().GetContent();
            var offset = start + (int)resource.Offset;
            // Each embedded resource is stored as a 4-byte little-endian length followed by its bytes.
            var length = BitConverter.ToInt32(image.AsSpan(offset, 4));
            return System.Text.Encoding.UTF8.GetString(image.AsSpan(offset + 4, length));
        }
        throw new InvalidDataException($"{dllPath} has no embedded resource '{resourceName}'; is it Plotly.NET {PackageVersion}?");
    }
}
