namespace Generative.Plots;

/// <summary>The host's display function, handed over by the first cell, so library code can show outputs.</summary>
public static class NotebookDisplay
{
    static Func<object, object?>? _display;

    /// <summary>Uses <paramref name="display"/> (the kernel's or runner's <c>display</c>) for outputs shown from library code.</summary>
    public static void Use(Func<object, object?>? display) => _display = display;

    /// <summary>True when a host display function was handed over.</summary>
    public static bool Available => _display is not null;

    /// <summary>Shows <paramref name="value"/> as a new output; does nothing outside a notebook.</summary>
    public static void Show(object value) => _display?.Invoke(value);
}
