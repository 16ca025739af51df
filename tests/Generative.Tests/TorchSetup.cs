using System.Runtime.CompilerServices;

namespace Generative.Tests;

static class TorchSetup
{
    /// <summary>Tests may touch torch before the library; the library's loader must run first.</summary>
    [ModuleInitializer]
    internal static void Init() => Course.Setup();
}
