using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Markdig;

namespace CourseKit.Notebooks;

/// <summary>
/// Turns an executed notebook into a reveal.js slide deck (from the cells' <c>slideshow.slide_type</c>)
/// and a plain HTML page. Both load their libraries from <c>assets/</c> beside them, never from the
/// network: Markdown becomes HTML with Markdig (math kept as <c>\(…\)</c> spans for KaTeX), code is
/// highlighted by highlight.js, and each Plotly.NET chart output, which would fetch plotly.js from a
/// CDN through require.js, is re-emitted as its figure JSON drawn by the local plotly.js.
/// </summary>
public static partial class ExportRenderer
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>The notebook's title: its first Markdown heading, else the file name.</summary>
    public static string Title(NotebookFile notebook)
    {
        foreach (JsonNode? cell in notebook.Cells)
        {
            if (cell is null || NotebookFile.CellType(cell) != "markdown") continue;
            var heading = Heading().Match(NotebookFile.Source(cell));
            if (heading.Success) return heading.Groups[1].Value.Trim();
        }

        return Path.GetFileNameWithoutExtension(notebook.Path);
    }

    /// <summary>The plain page: every cell in order, code with its outputs.</summary>
    public static string Page(NotebookFile notebook, string? indexHref = "index.html")
    {
        var body = new StringBuilder();
        var charts = new ChartNumbers();
        if (indexHref is not null) body.AppendLine($"<nav><a href=\"{indexHref}\">← all notebooks</a></nav>");
        foreach (JsonNode? cell in notebook.Cells)
            if (cell is not null) body.AppendLine(Cell(cell, charts));
        return Document(Title(notebook), "page", body.ToString(),
            head: """
                  <link rel="stylesheet" href="assets/page.css">
                  """,
            scripts: "<script>coursekit.page();</script>");
    }

    /// <summary>
    /// The deck: "slide" starts a new slide, "subslide" a new one below it (reveal.js's down arrow),
    /// "fragment" appears on the next key press, "-" continues the slide, "skip" is left out and
    /// "notes" become speaker notes (key S).
    /// </summary>
    public static string Deck(NotebookFile notebook)
    {
        var slides = new List<List<(StringBuilder Content, StringBuilder Notes)>>();
        var charts = new ChartNumbers();
        foreach (JsonNode? cell in notebook.Cells)
        {
            if (cell is null) continue;
            string type = cell["metadata"]?["slideshow"]?["slide_type"]?.GetValue<string>() ?? "-";
            if (type == "skip") continue;
            if (type == "slide" || slides.Count == 0) slides.Add([]);
            if (type == "subslide" || slides[^1].Count == 0) slides[^1].Add((new StringBuilder(), new StringBuilder()));
            var (content, notes) = slides[^1][^1];
            string html = Cell(cell, charts);
            if (type == "notes") notes.AppendLine(html);
            else if (type == "fragment") content.AppendLine($"<div class=\"fragment\">{html}</div>");
            else content.AppendLine(html);
        }

        var body = new StringBuilder("<div class=\"reveal\"><div class=\"slides\">\n");
        foreach (var slide in slides)
        {
            body.AppendLine("<section>");
            foreach (var (content, notes) in slide)
            {
                body.AppendLine("<section>").Append(content);
                if (notes.Length > 0) body.Append("<aside class=\"notes\">").Append(notes).AppendLine("</aside>");
                body.AppendLine("</section>");
            }

            body.AppendLine("</section>");
        }

        body.AppendLine("</div></div>");
        return Document(Title(notebook), "deck", body.ToString(),
            head: """
                  <link rel="stylesheet" href="assets/reveal/reset.css">
                  <link rel="stylesheet" href="assets/reveal/reveal.css">
                  <link rel="stylesheet" href="assets/reveal/theme/white.css">
                  <link rel="stylesheet" href="assets/deck.css">
                  """,
            scripts: """
                     <script src="assets/reveal/reveal.js"></script>
                     <script src="assets/reveal/notes.js"></script>
                     <script>coursekit.deck();</script>
                     """);
    }

    /// <summary>The index: every notebook in order, with links to its deck and its page.</summary>
    public static string Index(IReadOnlyList<(string Name, string Title)> notebooks)
    {
        var rows = new StringBuilder();
        foreach (var (name, title) in notebooks)
        {
            string file = WebUtility.UrlEncode(name).Replace("+", "%20", StringComparison.Ordinal);
            rows.AppendLine($"<tr><td>{Encode(name)}</td><td>{Encode(title)}</td><td><a href=\"{file}.slides.html\">slides</a></td><td><a href=\"{file}.html\">page</a></td></tr>");
        }

        return Document("CourseKit: the course", "index",
            $"<h1>Optimization and adaptive learning rates: the course</h1>\n<p>Slides: arrow keys or space to advance, Esc for the overview, S for speaker notes, F for full screen. Everything here works offline.</p>\n<table>\n<tr><th>notebook</th><th>topic</th><th></th><th></th></tr>\n{rows}</table>",
            head: "<link rel=\"stylesheet\" href=\"assets/page.css\">", scripts: "");
    }

    private sealed class ChartNumbers
    {
        public int Count;
    }

    private static string Cell(JsonNode cell, ChartNumbers charts)
    {
        string source = NotebookFile.Source(cell);
        switch (NotebookFile.CellType(cell))
        {
            case "markdown":
                // "$$…$$" alone on a line is display math, but Markdig reads it as inline math unless
                // the "$$" fences stand on their own lines.
                string markdown = DisplayMathLine().Replace(source, "\n$$$$\n$1\n$$$$\n");
                return $"<div class=\"markdown\">{Markdig.Markdown.ToHtml(markdown, Markdown)}</div>";
            case "code":
                var html = new StringBuilder("<div class=\"code-cell\">");
                if (source.Trim().Length > 0) html.Append($"<pre class=\"input\"><code class=\"language-csharp\">{Encode(source.TrimEnd())}</code></pre>");
                if (cell["outputs"] is JsonArray outputs)
                    foreach (JsonNode? output in outputs)
                        if (output is not null) html.Append(Output(output, charts));
                return html.Append("</div>").ToString();
            default:
                return $"<pre>{Encode(source)}</pre>";
        }
    }

    private static string Output(JsonNode output, ChartNumbers charts)
    {
        string type = output["output_type"]?.GetValue<string>() ?? "";
        if (type == "stream") return $"<pre class=\"output\">{Encode(NotebookFile.Text(output["text"]))}</pre>";
        if (type == "error") return $"<pre class=\"output error\">{Encode(output["ename"] + ": " + output["evalue"])}</pre>";
        var data = output["data"];
        if (data?["text/html"] is { } htmlNode)
        {
            string html = NotebookFile.Text(htmlNode);
            return Chart(html, charts) ?? $"<div class=\"output html\">{html}</div>";
        }

        if (data?["image/png"] is { } png) return $"<img class=\"output\" alt=\"\" src=\"data:image/png;base64,{NotebookFile.Text(png).Trim()}\">";
        if (data?["text/plain"] is { } text) return $"<pre class=\"output\">{Encode(NotebookFile.Text(text))}</pre>";
        return "";
    }

    // A Plotly.NET.Interactive chart output as a div and its figure JSON (data, layout, config; sliders
    // and buttons live in the layout, so they keep working); null when the HTML is not such a chart.
    private static string? Chart(string html, ChartNumbers charts)
    {
        if (!html.Contains("Plotly.newPlot", StringComparison.Ordinal)) return null;
        var data = FigurePart("data").Match(html);
        var layout = FigurePart("layout").Match(html);
        var config = FigurePart("config").Match(html);
        if (!data.Success) return null;
        string id = $"chart-{++charts.Count}";
        string figure = $"{{\"data\":{data.Groups[1].Value},\"layout\":{(layout.Success ? layout.Groups[1].Value : "{}")},\"config\":{(config.Success ? config.Groups[1].Value : "{}")}}}";
        // "</" cannot end the script element once escaped; "\/" is the same string in JSON.
        figure = figure.Replace("</", "<\\/", StringComparison.Ordinal);
        return $"<div class=\"output chart\"><div id=\"{id}\" class=\"coursekit-chart\"></div><script type=\"application/json\" class=\"coursekit-figure\" data-chart=\"{id}\">{figure}</script></div>";
    }

    private static Regex FigurePart(string name) => name switch
    {
        "data" => DataLine(),
        "layout" => LayoutLine(),
        _ => ConfigLine(),
    };

    [GeneratedRegex(@"^\s*var data = (.*);\s*$", RegexOptions.Multiline)]
    private static partial Regex DataLine();

    [GeneratedRegex(@"^\s*var layout = (.*);\s*$", RegexOptions.Multiline)]
    private static partial Regex LayoutLine();

    [GeneratedRegex(@"^\s*var config = (.*);\s*$", RegexOptions.Multiline)]
    private static partial Regex ConfigLine();

    [GeneratedRegex(@"^[ \t]*\$\$([^$\n]+)\$\$[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex DisplayMathLine();

    [GeneratedRegex(@"^#{1,6}\s+(.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Document(string title, string kind, string body, string head, string scripts) =>
        $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Encode(title)}</title>
        <link rel="stylesheet" href="assets/katex/katex.min.css">
        <link rel="stylesheet" href="assets/highlight/github.min.css">
        {head}
        </head>
        <body class="{kind}">
        {body}
        <script src="assets/plotly/plotly.min.js"></script>
        <script src="assets/katex/katex.min.js"></script>
        <script src="assets/highlight/highlight.min.js"></script>
        <script src="assets/coursekit.js"></script>
        {scripts}
        </body>
        </html>
        """;
}
