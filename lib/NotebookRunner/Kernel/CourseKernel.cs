using System.Reflection;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace NotebookRunner.Kernel;

/// <summary>The .NET Interactive C# kernel, set up as the dotnet-interactive tool sets it up for VS Code and Jupyter.</summary>
public static class CourseKernel
{
    /// <summary>The name the notebooks' cells carry (kernelspec .net-csharp, polyglot kernelName csharp).</summary>
    public const string CSharp = "csharp";

    static int _formattersSet;

    /// <summary>A fresh composite kernel holding one C# kernel with <c>#r "nuget:"</c>, the kernel helpers (<c>display</c>) and value sharing.</summary>
    public static CompositeKernel Create()
    {
        UseBrowserFormatting();
        CompositeKernel? composite = null;
        var csharp = new CSharpKernel()
            .UseNugetDirective(async (kernel, packages) =>
            {
                kernel.AddAssemblyReferences(packages.SelectMany(p => p.AssemblyPaths));
                // The package extension loader lives in the tool's own assembly, which is not published as a package;
                // packages ship their extensions (SkiaSharp's, Plotly.NET.Interactive) in this folder by convention.
                foreach (var package in packages) await LoadExtensionsAsync(package, composite!);
            }, forceRestore: false)
            .UseKernelHelpers()
            .UseWho()
            .UseValueSharing();
        composite = new CompositeKernel { csharp }.UseImportMagicCommand();
        composite.DefaultKernelName = csharp.Name;
        return composite;
    }

    // What the tool does for a browser front end (VS Code, Jupyter): HTML by default, strings as plain text.
    static void UseBrowserFormatting()
    {
        if (Interlocked.Exchange(ref _formattersSet, 1) == 1) return;
        Formatter.DefaultMimeType = HtmlFormatter.MimeType;
        Formatter.SetPreferredMimeTypesFor(typeof(string), PlainTextFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(ScriptContent), HtmlFormatter.MimeType);
        Formatter.Register<ScriptContent>((script, writer) =>
            new HtmlString($"<script type=\"text/javascript\">{script.ScriptValue}</script>").WriteTo(writer, HtmlEncoder.Default), HtmlFormatter.MimeType);
    }

    static async Task LoadExtensionsAsync(ResolvedPackageReference package, CompositeKernel kernel)
    {
        var folder = Path.Combine(package.PackageRoot, "interactive-extensions", "dotnet");
        if (!Directory.Exists(folder)) return;
        foreach (var dll in Directory.EnumerateFiles(folder, "*.dll"))
        {
            var assembly = Assembly.LoadFrom(dll);
            foreach (var type in assembly.ExportedTypes.Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IKernelExtension).IsAssignableFrom(t)))
            {
                var extension = (IKernelExtension)Activator.CreateInstance(type)!;
                await extension.OnLoadAsync(kernel);
            }
        }
    }
}
