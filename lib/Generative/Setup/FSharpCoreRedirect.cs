using System.Reflection;
using System.Runtime.Loader;

namespace Generative.Setup;

/// <summary>Lets Plotly.NET 6 (built against FSharp.Core 10.1) run in a host that already loaded an older FSharp.Core, such as the .NET Interactive kernel.</summary>
public static class FSharpCoreRedirect
{
    static int _installed;

    /// <summary>Answers failed FSharp.Core loads in the default context with the FSharp.Core already loaded. Idempotent.</summary>
    public static void Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 1) return;
        AssemblyLoadContext.Default.Resolving += (_, name) =>
            name.Name == "FSharp.Core"
                ? AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == "FSharp.Core")
                : null;
    }
}
