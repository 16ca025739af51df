using System.Runtime.InteropServices;
using TorchSharp;

namespace Generative.Setup;

/// <summary>What the course runs on: .NET, TorchSharp, threads, the native library in use and where MNIST lives.</summary>
public sealed record EnvironmentReport(
    string DotNet, string Os, string TorchSharpVersion, int Threads, string NativeLibrary, string DataDirectory)
{
    /// <summary>Reads the current process's environment; touches torch, so TorchSharp must be loadable.</summary>
    public static EnvironmentReport Capture() => new(
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.OSDescription,
        typeof(torch).Assembly.GetName().Version?.ToString(3) ?? "?",
        torch.get_num_threads(),
        TorchNative.LoadedFrom ?? "(platform default)",
        Data.MnistFiles.DefaultDirectory);
}
