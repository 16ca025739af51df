namespace NotebookRunner.Export;

/// <summary>The exported page's own stylesheet and the script that typesets Markdig's math spans with KaTeX.</summary>
internal static class PageStyle
{
    public const string Css = """
        :root { --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --code-bg: #f6f8fa; --error-bg: #ffebe9; --error-fg: #82071e; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--fg); background: #fff; font: 16px/1.6 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
        header, main { max-width: 980px; margin: 0 auto; padding: 0 24px; }
        header { border-bottom: 1px solid var(--border); padding-top: 16px; }
        header h1 { margin: 0 0 4px; font-size: 1.6em; }
        .run-info { margin: 0 0 12px; color: var(--muted); font-size: 0.9em; }
        .cell { margin: 20px 0; }
        .cell.markdown h1, .cell.markdown h2 { border-bottom: 1px solid var(--border); padding-bottom: 0.2em; }
        .input { position: relative; }
        .prompt { display: block; color: var(--muted); font: 12px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; margin-bottom: 2px; }
        pre, code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.86em; }
        pre { background: var(--code-bg); border: 1px solid var(--border); border-radius: 6px; padding: 10px 12px; overflow-x: auto; margin: 0; }
        :not(pre) > code { background: var(--code-bg); padding: 0.1em 0.3em; border-radius: 4px; }
        .outputs { margin-top: 6px; border-left: 3px solid var(--border); padding-left: 10px; }
        .outputs > * { margin: 6px 0; }
        pre.output.stream { background: #fff; border: none; padding: 4px 0; }
        pre.output.stderr { color: #9a6700; }
        pre.output.error { background: var(--error-bg); color: var(--error-fg); border-color: #ffcecb; }
        .output img { max-width: 100%; image-rendering: pixelated; }
        table { border-collapse: collapse; margin: 12px 0; display: block; overflow-x: auto; }
        th, td { border: 1px solid var(--border); padding: 4px 12px; }
        th { background: var(--code-bg); }
        tr:nth-child(2n) td { background: #fafbfc; }
        div.math { overflow-x: auto; margin: 12px 0; }
        """;

    // Markdig's UseMathematics keeps TeX as text inside span.math (\(..\)) and div.math (\[..\]).
    public const string MathScript = """
        (function () {
          document.querySelectorAll(".math").forEach(function (el) {
            var display = el.tagName === "DIV";
            var tex = el.textContent.trim()
              .replace(/^\\\(|\\\)$/g, "").replace(/^\\\[|\\\]$/g, "").replace(/^\$\$|\$\$$/g, "");
            katex.render(tex, el, { displayMode: display, throwOnError: false });
          });
        })();
        """;
}
