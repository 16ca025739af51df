using System.Runtime.CompilerServices;

namespace NotebookRunner.Tests.Export;

/// <summary>Paths of the hand-made executed notebooks next to these tests (read from the source tree, so no copy step is needed).</summary>
internal static class Fixtures
{
    public static string Executed => PathOf("executed.ipynb");
    public static string NoCharts => PathOf("no-charts.ipynb");
    public static string Invalid => PathOf("invalid.ipynb");

    private static string PathOf(string name, [CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "Fixtures", name);
}
