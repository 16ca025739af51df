using System.Text.RegularExpressions;
using NotebookRunner.Export;

namespace NotebookRunner.Tests.Export;

public class HtmlExportTests
{
    private const string PlotlyBanner = "plotly.js v2.28.0";

    // The executed fixture's page is 4 MB (plotly.js); build it once for the tests that only read it.
    private static readonly Lazy<string> ExecutedPage = new(() => Export(Fixtures.Executed));

    private static string Export(string fixture) => HtmlExport.ToHtml(File.ReadAllText(fixture), Path.GetFileNameWithoutExtension(fixture));

    [Fact]
    public void Plotly_is_embedded_once_before_the_first_chart()
    {
        var html = ExecutedPage.Value;

        Assert.Single(Regex.Matches(html, Regex.Escape(PlotlyBanner)));
        Assert.True(html.IndexOf(PlotlyBanner, StringComparison.Ordinal) < html.IndexOf("Plotly.newPlot(", StringComparison.Ordinal),
            "plotly.js must be defined before the chart scripts that call it.");
    }

    [Fact]
    public void A_page_without_charts_carries_no_plotly()
    {
        var html = Export(Fixtures.NoCharts);

        Assert.DoesNotContain(PlotlyBanner, html);
        Assert.Contains("<span class=\"math\">", html);
    }

    [Fact]
    public void Markdown_math_survives_for_katex_and_tables_render()
    {
        var html = ExecutedPage.Value;

        Assert.Matches(@"<span class=""math"">\\\(q_\\phi\(z \\mid x\)\\\)</span>", html);
        Assert.Matches(@"<div class=""math"">\s*\\\[\s*\\log p_\\theta\(x\)", html);
        Assert.Contains("katex.render(", html);
        Assert.Contains("<table>", html);
        Assert.Contains("<td style=\"text-align: right;\">104.8</td>", html);
    }

    [Fact]
    public void Code_cells_show_source_counts_and_every_output_kind()
    {
        var html = ExecutedPage.Value;

        Assert.Contains("In [1]:</span>", html);
        Assert.Contains("Console.WriteLine($&quot;epoch {epoch}: loss {1.0 / epoch:F3}&quot;);", html);
        Assert.Matches(@"<pre class=""output stream stdout"">epoch 1: loss 1.000\nepoch 2: loss 0.500\n", html);
        Assert.Matches(@"<img alt=""output image"" src=""data:image/png;base64,iVBORw0KGgo[A-Za-z0-9+/=]+"">", html);
        Assert.Matches(@"<div class=""output execute-result""><pre class=""text"">2</pre>", html);
        Assert.Matches(@"<pre class=""output error"">System.InvalidOperationException: the discriminator collapsed\n.*\(cell 6, line 1\)</pre>", html);
        Assert.DoesNotContain("Plotly.NET.GenericChart", html);
    }

    [Fact]
    public void The_page_references_nothing_outside_itself()
    {
        var html = ExecutedPage.Value;
        // Script bodies (plotly.js, KaTeX) mention URLs in strings; only markup can make the browser fetch.
        var markup = Regex.Replace(html, @"<script>.*?</script>", "<script></script>", RegexOptions.Singleline);

        Assert.DoesNotMatch(@"<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=\s*[""']?(https?:)?//", markup);
        Assert.DoesNotMatch(@"url\(\s*[""']?(https?:)?//", markup);
        Assert.DoesNotContain("url(fonts/", html);
        Assert.Contains("url(data:font/woff2;base64,", html);
    }

    [Fact]
    public void Header_names_the_notebook_and_its_profile()
    {
        var html = ExecutedPage.Value;

        Assert.Contains("<title>executed</title>", html);
        Assert.Contains("<h1>executed</h1>", html);
        Assert.Contains("profile: <b>smoke</b>", html);
    }

    [Fact]
    public void Write_replaces_the_page_and_leaves_no_temporary_file()
    {
        var dir = Directory.CreateTempSubdirectory("export-write-");
        try
        {
            var target = Path.Combine(dir.FullName, "out", "page.html");
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, "stale");

            HtmlExport.Write(Fixtures.NoCharts, target);

            Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(target));
            Assert.Equal(["page.html"], Directory.GetFiles(Path.GetDirectoryName(target)!).Select(Path.GetFileName));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_notebook_of_another_format_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => HtmlExport.ToHtml("""{"nbformat": 3, "worksheets": []}""", "old"));

        Assert.Contains("nbformat 3", error.Message);
    }
}
