using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive.Formatting;

namespace NotebookRunner.Execution;

/// <summary>The script options every notebook starts from: the kernel's default usings and the whole shared framework.</summary>
public static class ScriptSetup
{
    /// <summary>The C# kernel's default usings (no System.IO: a notebook that uses File or Path needs its own using, as in VS Code).</summary>
    public static readonly string[] DefaultUsings =
        ["System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq"];

    static readonly Lazy<MetadataReference[]> Framework = new(() =>
        Directory.EnumerateFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll")
            .Where(IsManaged)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray());

    /// <summary>Options for a notebook's first cell.</summary>
    public static ScriptOptions Create() => ScriptOptions.Default
        .WithReferences(Framework.Value)
        .AddReferences(typeof(NotebookGlobals).Assembly, typeof(Formatter).Assembly)
        .WithImports(DefaultUsings)
        .WithEmitDebugInformation(true)
        .WithFileEncoding(System.Text.Encoding.UTF8)
        .WithOptimizationLevel(OptimizationLevel.Release);

    static bool IsManaged(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
