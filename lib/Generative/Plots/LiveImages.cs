using Plotly.NET;
using static TorchSharp.torch;

namespace Generative.Plots;

/// <summary>An image grid redrawn as training goes, the newest drawing hiding the older ones, e.g. samples from fixed noise after each GAN epoch.</summary>
public sealed class LiveImages
{
    readonly string _title;
    readonly int _columns;
    readonly LiveChart _live = new();

    LiveImages(string title, int columns) => (_title, _columns) = (title, columns);

    /// <summary>Starts an empty live grid of <paramref name="columns"/> columns; it appears with the first <see cref="Add"/>.</summary>
    public static LiveImages Show(string title, int columns = 8)
    {
        if (string.IsNullOrWhiteSpace(title)) throw new ArgumentException("A live grid needs a title.", nameof(title));
        if (columns <= 0) throw new ArgumentOutOfRangeException(nameof(columns), $"columns must be positive; got {columns}.");
        return new LiveImages(title, columns);
    }

    /// <summary>The epoch of the latest snapshot, or null before the first.</summary>
    public int? Epoch { get; private set; }

    /// <summary>Shows <paramref name="images"/> ([N,1,H,W] in [0,1]) as the snapshot after <paramref name="epoch"/>; the pixels are copied, so the tensor may be disposed afterwards.</summary>
    public void Add(int epoch, Tensor images)
    {
        Epoch = epoch;
        Chart = ImageGrid.Draw(ImagePixels.From(images, nameof(images)), _columns, $"{_title} (epoch {epoch})");
        _live.Show(Chart);
    }

    /// <summary>The latest snapshot's chart, or null before the first.</summary>
    public GenericChart? Chart { get; private set; }

    /// <summary>The underlying live output (its key and the last chart shown).</summary>
    public LiveChart Output => _live;
}
