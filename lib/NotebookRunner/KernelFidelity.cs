using System.Runtime.CompilerServices;

namespace NotebookRunner;

/// <summary>Makes the runner's process look like the final .NET Interactive kernel before any cell runs.</summary>
public static class KernelFidelity
{
    /// <summary>Loads the FSharp.Core 10.0.x the kernel ships into the default context, so a notebook needing another one fails here as in VS Code.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Version LoadKernelFSharpCore() => typeof(Microsoft.FSharp.Core.Unit).Assembly.GetName().Version!;
}
