using Plotly.NET;

namespace Generative.Plots;

/// <summary>Training curves redrawn as epochs finish, the newest drawing hiding the older ones; pass <see cref="Add(int, IReadOnlyDictionary{string, double})"/> as the training callback.</summary>
public sealed class LiveCurves
{
    readonly string _title, _xLabel, _yLabel;
    readonly Dictionary<string, List<(double X, double Y)>> _series = [];
    readonly LiveChart _live = new();

    LiveCurves(string title, string xLabel, string yLabel) => (_title, _xLabel, _yLabel) = (title, xLabel, yLabel);

    /// <summary>Starts an empty live chart; it appears with the first <see cref="Add(int, IReadOnlyDictionary{string, double})"/>.</summary>
    public static LiveCurves Show(string title, string xLabel, string yLabel)
    {
        if (string.IsNullOrWhiteSpace(title)) throw new ArgumentException("A live chart needs a title.", nameof(title));
        return new LiveCurves(title, xLabel, yLabel);
    }

    /// <summary>Adds one point per named value at epoch <paramref name="epoch"/> and redraws.</summary>
    public void Add(int epoch, IReadOnlyDictionary<string, double> values) => Add((double)epoch, values);

    /// <summary>Adds one point per named value at <paramref name="x"/> (e.g. a fractional epoch) and redraws.</summary>
    public void Add(double x, IReadOnlyDictionary<string, double> values) => AddRange([(x, values)]);

    /// <summary>Adds the points of several x positions and redraws once, e.g. a whole stored history.</summary>
    public void AddRange(IEnumerable<(double X, IReadOnlyDictionary<string, double> Values)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var added = false;
        foreach (var (x, values) in points)
        {
            ArgumentNullException.ThrowIfNull(values);
            foreach (var (name, y) in values)
            {
                if (!_series.TryGetValue(name, out var series)) _series[name] = series = [];
                series.Add((x, y));
            }
            added = true;
        }
        if (added) _live.Show(Chart);
    }

    /// <summary>The points so far, by series name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<(double X, double Y)>> Series =>
        _series.ToDictionary(s => s.Key, s => (IReadOnlyList<(double, double)>)s.Value.ToList());

    /// <summary>The chart of every point so far (also the final chart once training ends).</summary>
    public GenericChart Chart => _series.Count == 0
        ? throw new InvalidOperationException("No points yet: call Add after the first epoch before asking for the chart.")
        : TrainingCurves.Draw(_title, _xLabel, _yLabel, Series);

    /// <summary>The underlying live output (its key and the last chart shown).</summary>
    public LiveChart Output => _live;
}
