namespace Generative.Plots;

/// <summary>An HTML fragment that the course's formatter writes out as is (text/html), in the kernel, Jupyter and the runner alike.</summary>
/// <remarks>The library's own type rather than IHtmlContent, whose assembly version a notebook kernel may load differently.</remarks>
public sealed record HtmlOutput(string Html)
{
    /// <summary>The HTML itself.</summary>
    public override string ToString() => Html;
}
