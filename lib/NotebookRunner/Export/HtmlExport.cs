using System.Net;

namespace NotebookRunner.Export;

/// <summary>Build-compatible stand-in for the HTML export built on the export branch; replaced when that branch is merged.</summary>
public static class HtmlExport
{
    /// <summary>A minimal page holding the executed notebook's JSON.</summary>
    public static string ToHtml(string executedIpynbJson, string title) =>
        $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title></head><body><pre>{WebUtility.HtmlEncode(executedIpynbJson)}</pre></body></html>";

    /// <summary>Writes <see cref="ToHtml"/> of the notebook at <paramref name="executedIpynbPath"/> to <paramref name="htmlPath"/>.</summary>
    public static void Write(string executedIpynbPath, string htmlPath) =>
        File.WriteAllText(htmlPath, ToHtml(File.ReadAllText(executedIpynbPath), Path.GetFileNameWithoutExtension(executedIpynbPath)));
}
