using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Formatting;

namespace NotebookRunner.Execution;

/// <summary>Turns a value into an nbformat mime bundle the way the C# kernel does: strings as text, images as PNG, everything else through Formatter.</summary>
/// <remarks>
/// Images: a <c>byte[]</c> that starts with the PNG signature, and SkiaSharp's <c>SKImage</c> and <c>SKBitmap</c>
/// (found by reflection, so the runner does not depend on SkiaSharp), become image/png.
/// </remarks>
public static class OutputFormatter
{
    const string Html = "text/html", Plain = "text/plain", Png = "image/png";
    static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The mime bundle for <paramref name="value"/>, restricted to <paramref name="mimeTypes"/> when any are given.</summary>
    public static JsonObject Format(object? value, IReadOnlyCollection<string>? mimeTypes = null)
    {
        if (mimeTypes is { Count: > 0 })
        {
            var chosen = new JsonObject();
            foreach (var mime in mimeTypes) chosen[mime] = Formatter.ToDisplayString(value, mime);
            return chosen;
        }
        if (value is null) return new JsonObject { [Plain] = "<null>" };
        if (value is string text) return new JsonObject { [Plain] = text };
        if (PngBytes(value) is { } png)
            return new JsonObject { [Png] = Convert.ToBase64String(png), [Plain] = $"<PNG image, {png.Length} bytes>" };
        return new JsonObject
        {
            [Html] = Formatter.ToDisplayString(value, Html),
            [Plain] = Formatter.ToDisplayString(value, Plain),
        };
    }

    static byte[]? PngBytes(object value)
    {
        if (value is byte[] bytes) return bytes.AsSpan().StartsWith(PngSignature) ? bytes : null;
        var type = value.GetType();
        if (type.Namespace != "SkiaSharp") return null;
        var image = type.Name switch
        {
            "SKImage" => value,
            "SKBitmap" => type.Assembly.GetType("SkiaSharp.SKImage")?.GetMethod("FromBitmap", [type])?.Invoke(null, [value]),
            _ => null,
        };
        // SKImage.Encode() with no arguments encodes PNG; SKData.ToArray() copies the bytes out.
        var data = image?.GetType().GetMethod("Encode", Type.EmptyTypes)?.Invoke(image, null);
        return data?.GetType().GetMethod("ToArray", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes)?.Invoke(data, null) as byte[];
    }
}
