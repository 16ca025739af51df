using System.Runtime.CompilerServices;
using Generative.Setup;
using TorchSharp;

namespace Generative;

/// <summary>The course's entry point: the first cell of every notebook calls <see cref="Setup"/>.</summary>
public static class Course
{
    /// <summary>Runs when the library is first touched, so TorchSharp is usable from any entry point that uses the library.</summary>
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "A library initializer is the point: TorchSharp must be loadable before any caller touches torch.")]
    internal static void OnLoad()
    {
        FSharpCoreRedirect.Install();
        NativeHeap.KeepFreedMemory();
        TorchNative.Ensure();
    }

    /// <summary>Makes TorchSharp, charts and the course's formatters work in this process, seeds torch, and reports the environment.</summary>
    /// <param name="display">The notebook's <c>display</c> function, as <c>x => display(x)</c>, so library code can show live outputs.</param>
    /// <param name="seed">Seed for torch's global generator.</param>
    /// <param name="threads">Intra-op threads for torch; null keeps torch's default.</param>
    public static EnvironmentReport Setup(Func<object, object?>? display = null, int seed = 0, int? threads = null)
    {
        OnLoad();
        Plots.ChartFormatter.Register();
        Plots.NotebookDisplay.Use(display);
        if (threads is int t) torch.set_num_threads(t);
        torch.manual_seed(seed);
        return EnvironmentReport.Capture();
    }

    /// <summary>Records a headline number for the runner's summary.json (a no-op in VS Code) and returns it.</summary>
    public static double Record(string name, double value) => HeadlineMetrics.Record(name, value);
}
