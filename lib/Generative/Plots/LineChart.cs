using Plotly.NET;

namespace Generative.Plots;

/// <summary>Named curves over one shared x axis that is not epochs, such as a density or a gradient against a probability.</summary>
public static class LineChart
{
    /// <summary>One line per series, each against <paramref name="x"/>.</summary>
    public static GenericChart Show(string title, string xLabel, string yLabel, IReadOnlyList<double> x, Dictionary<string, double[]> series)
    {
        foreach (var (name, values) in series)
            if (values.Length != x.Count)
                throw new ArgumentException($"series '{name}' has {values.Length} values for {x.Count} x positions; give one value per x.", nameof(series));
        return TrainingCurves.Draw(title, xLabel, yLabel, series.ToDictionary(s => s.Key,
            s => (IReadOnlyList<(double, double)>)x.Zip(s.Value).ToList()));
    }
}
