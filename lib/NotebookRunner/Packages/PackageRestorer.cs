using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Security;
using System.Text;
using System.Text.Json.Nodes;
using NotebookRunner.Execution;

namespace NotebookRunner.Packages;

/// <summary>The files a restore produced for this runtime: managed assemblies to load and native libraries to find.</summary>
public sealed record RestoredPackages(IReadOnlyList<string> Assemblies, IReadOnlyList<string> NativeLibraries);

/// <summary>Restores <c>#r "nuget:"</c> packages with a real <c>dotnet restore</c> of a generated project, cached per package set.</summary>
/// <remarks>
/// Packages land in the standard global packages folder (~/.nuget/packages), where libraries such as the course's
/// find their native files. The generated project lives in the course cache under nuget/&lt;hash of the package set&gt;;
/// a package set restored once is resolved from its project.assets.json without running restore again.
/// </remarks>
public static class PackageRestorer
{
    static string TargetFramework => $"net{Environment.Version.Major}.0";
    static string RuntimeIdentifier => RuntimeInformation.RuntimeIdentifier;

    /// <summary>The course cache: $GENERATIVE_CACHE, else $XDG_CACHE_HOME/generative-course, else ~/.cache/generative-course (as Generative.Setup.CourseCache).</summary>
    public static string CacheRoot
    {
        get
        {
            if (Environment.GetEnvironmentVariable("GENERATIVE_CACHE") is { Length: > 0 } cache) return cache;
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var baseDir = !string.IsNullOrEmpty(xdg) ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(baseDir, "generative-course");
        }
    }

    /// <summary>Restores <paramref name="packages"/> (with extra <paramref name="sources"/>) and returns their runtime and native files.</summary>
    public static async Task<RestoredPackages> RestoreAsync(IReadOnlyList<PackageReference> packages, IReadOnlyList<string> sources, CancellationToken cancel = default)
    {
        var key = string.Join("\n", packages.Select(p => $"{p.Id.ToLowerInvariant()}/{p.Version}").Order()
            .Concat(sources.Order()).Prepend(RuntimeIdentifier).Prepend(TargetFramework));
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16].ToLowerInvariant();
        var dir = Path.Combine(CacheRoot, "nuget", hash);
        var assets = Path.Combine(dir, "obj", "project.assets.json");
        var done = Path.Combine(dir, "restored");
        if (!File.Exists(done) || !File.Exists(assets))
        {
            Directory.CreateDirectory(dir);
            var project = Path.Combine(dir, "packages.csproj");
            await File.WriteAllTextAsync(project, ProjectXml(packages, sources), cancel);
            await RunRestoreAsync(project, packages, cancel);
            await File.WriteAllTextAsync(done, key, cancel);
        }
        return Resolve(JsonNode.Parse(await File.ReadAllTextAsync(assets, cancel))!.AsObject());
    }

    static string ProjectXml(IReadOnlyList<PackageReference> packages, IReadOnlyList<string> sources)
    {
        var refs = string.Concat(packages.Select(p =>
            $"\n    <PackageReference Include=\"{SecurityElement.Escape(p.Id)}\" Version=\"{SecurityElement.Escape(p.Version ?? "*")}\" />"));
        var extra = sources.Count == 0 ? "" : $"\n    <RestoreAdditionalProjectSources>{SecurityElement.Escape(string.Join(';', sources))}</RestoreAdditionalProjectSources>";
        return $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>{TargetFramework}</TargetFramework>
                <RuntimeIdentifier>{RuntimeIdentifier}</RuntimeIdentifier>
                <SelfContained>false</SelfContained>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>{extra}
              </PropertyGroup>
              <ItemGroup>{refs}
              </ItemGroup>
            </Project>
            """;
    }

    static async Task RunRestoreAsync(string project, IReadOnlyList<PackageReference> packages, CancellationToken cancel)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "restore", project, "--nologo", "-v", "q" }) start.ArgumentList.Add(arg);
        // A runner started by 'dotnet test' or 'dotnet run' inherits MSBuild settings meant for that build, not this restore.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancel);
        var stderr = process.StandardError.ReadToEndAsync(cancel);
        await process.WaitForExitAsync(cancel);
        if (process.ExitCode == 0) return;
        var problems = (await stdout + await stderr).Split('\n').Select(l => l.Trim()).Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Distinct();
        var named = string.Join(", ", packages.Select(p => p.Version is null ? p.Id : $"{p.Id} {p.Version}"));
        throw new NotebookException($"NuGet restore failed for {named}. Check the package id and version (and any #i source):\n{string.Join("\n", problems)}");
    }

    static RestoredPackages Resolve(JsonObject assets)
    {
        var packageFolder = (assets["packageFolders"] as JsonObject)?.Select(p => p.Key).FirstOrDefault()
            ?? throw new InvalidDataException("project.assets.json names no package folder.");
        var libraries = assets["libraries"]!.AsObject();
        var target = assets["targets"]?[$"{TargetFramework}/{RuntimeIdentifier}"]?.AsObject()
            ?? throw new InvalidDataException($"project.assets.json has no target for {TargetFramework}/{RuntimeIdentifier}.");
        var managed = new List<string>();
        var native = new List<string>();
        foreach (var (name, entry) in target)
        {
            if (entry?["type"]?.GetValue<string>() != "package") continue;
            var root = Path.Combine(packageFolder, libraries[name]!["path"]!.GetValue<string>());
            managed.AddRange(Files(entry["runtime"], root));
            native.AddRange(Files(entry["native"], root));
        }
        return new RestoredPackages(managed, native);
    }

    // NuGet writes "_._" for "nothing for this framework"; those are placeholders, not files.
    static IEnumerable<string> Files(JsonNode? group, string root) =>
        (group as JsonObject)?.Select(f => f.Key).Where(f => !f.EndsWith("_._")).Select(f => Path.GetFullPath(Path.Combine(root, f))) ?? [];
}
