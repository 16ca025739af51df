using System.Reflection;

namespace Generative.Plots;

/// <summary>The host's display function, handed over by the first cell, so library code can show and update outputs.</summary>
public static class NotebookDisplay
{
    static Func<object, object?>? _display;

    /// <summary>Uses <paramref name="display"/> (the kernel's or runner's <c>display</c>) for outputs shown from library code.</summary>
    public static void Use(Func<object, object?>? display) => _display = display;

    /// <summary>True when a host display function was handed over.</summary>
    public static bool Available => _display is not null;

    /// <summary>Shows <paramref name="value"/>; returns an updater for that output, or a no-op outside a notebook.</summary>
    public static Action<object> Show(object value)
    {
        if (_display is null) return _ => { };
        var shown = _display(value);
        // The kernel's DisplayedValue and the runner's both expose Update(object); the library references neither.
        var update = shown?.GetType().GetMethod("Update", BindingFlags.Public | BindingFlags.Instance, [typeof(object)]);
        return update is null ? v => _display(v) : v => update.Invoke(shown, [v]);
    }
}
