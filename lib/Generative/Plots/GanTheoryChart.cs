using Generative.Experiments;
using Plotly.NET;

namespace Generative.Plots;

/// <summary>The optimal-discriminator check of notebook 04 as a chart.</summary>
public static class GanTheoryChart
{
    /// <summary>Densities, D* and the trained discriminator against x.</summary>
    public static GenericChart Show(GanTheory.Check check) => LineChart.Show("The optimal discriminator for two fixed densities", "x", "density / D(x)", check.Grid,
        new() { ["p_data"] = check.DataDensity, ["p_g"] = check.GeneratorDensity, ["D*(x)"] = check.OptimalD, ["trained D(x)"] = check.TrainedD });
}
