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
/// highlighted by highlight.js, and each chart is drawn by the local plotly.js from the figure JSON the
/// runner stores beside Plotly.NET's HTML (which would fetch plotly.js from a CDN through require.js).
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

    /// <summary>The notebook's question: the bold sentence of its title cell that asks one, else the title if it is a question.</summary>
    public static string Question(NotebookFile notebook)
    {
        string title = TitleCell(notebook);
        foreach (Match bold in Bold().Matches(title))
        {
            string text = bold.Groups[1].Value.Trim();
            if (text.EndsWith('?')) return text;
            if (text.EndsWith(':') && title[(bold.Index + bold.Length)..].Trim() is { Length: > 0 } after)
                return FirstLine(after);
        }

        string heading = Title(notebook);
        return heading.EndsWith('?') ? heading : "";
    }

    /// <summary>One line on the notebook: its "In one sentence" cell, else the first paragraph after the title.</summary>
    public static string Summary(NotebookFile notebook)
    {
        foreach (JsonNode? cell in notebook.Cells)
        {
            if (cell is null || NotebookFile.CellType(cell) != "markdown") continue;
            string source = NotebookFile.Source(cell);
            var heading = Heading().Match(source);
            if (heading.Success && heading.Groups[1].Value.Trim().Equals("In one sentence", StringComparison.OrdinalIgnoreCase))
                return FirstLine(source[(heading.Index + heading.Length)..]);
        }

        string title = TitleCell(notebook);
        var first = Heading().Match(title);
        return FirstLine(first.Success ? title[(first.Index + first.Length)..] : title);
    }

    private static string TitleCell(NotebookFile notebook) =>
        notebook.Cells.Where(c => c is not null && NotebookFile.CellType(c) == "markdown").Select(c => NotebookFile.Source(c!)).FirstOrDefault() ?? "";

    // The first paragraph as one line of plain text (Markdown emphasis dropped, math kept as written).
    private static string FirstLine(string markdown)
    {
        string paragraph = markdown.Trim().Split("\n\n", 2)[0].Replace('\n', ' ');
        return paragraph.Replace("**", "", StringComparison.Ordinal).Replace("*", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal).Trim();
    }

    /// <summary>A neighbour in the course's reading order, for a page's previous/next links.</summary>
    public sealed record Neighbour(string Name, string Title);

    /// <summary>The plain page: every cell in order, code with its outputs (the set-up cell's package list left out).</summary>
    public static string Page(NotebookFile notebook, string? indexHref = "index.html", Neighbour? previous = null, Neighbour? next = null)
    {
        var body = new StringBuilder();
        var charts = new ChartNumbers();
        string nav = Navigation(indexHref, previous, next);
        body.AppendLine(nav);
        foreach (JsonNode? cell in notebook.Cells)
            if (cell is not null) body.AppendLine(Cell(cell, charts, deck: false));
        body.AppendLine(nav.Replace("<nav>", "<nav class=\"bottom\">", StringComparison.Ordinal));
        return Document(Title(notebook), "page", body.ToString(),
            head: """
                  <link rel="stylesheet" href="assets/page.css">
                  """,
            scripts: "<script>coursekit.page();</script>");
    }

    private static string Navigation(string? indexHref, Neighbour? previous, Neighbour? next)
    {
        var nav = new StringBuilder("<nav>");
        if (previous is not null) nav.Append($"<a class=\"previous\" rel=\"prev\" href=\"{Href(previous.Name)}.html\">← {Encode(previous.Title)}</a>");
        if (indexHref is not null) nav.Append($"<a class=\"up\" href=\"{indexHref}\">all notebooks</a>");
        if (next is not null) nav.Append($"<a class=\"next\" rel=\"next\" href=\"{Href(next.Name)}.html\">{Encode(next.Title)} →</a>");
        return nav.Append("</nav>").ToString();
    }

    private static string Href(string name) => WebUtility.UrlEncode(name).Replace("+", "%20", StringComparison.Ordinal);

    /// <summary>
    /// The deck: "slide" starts a new slide, "subslide" a new one below it (reveal.js's down arrow),
    /// "fragment" appears on the next key press, "-" continues the slide, "skip" is left out and
    /// "notes" become speaker notes (key S). On top of the tags, rules make it a presentation (see
    /// notebooks/README.md, "Decks"): the set-up cell and solutions are left out, code is folded
    /// (key C or the code button shows it), long prose moves to the speaker notes
    /// (<see cref="DeckText"/>), the reading after a chart is a fragment, long printed output and
    /// claim lines are collapsed, and charts take the slide's free height (assets/coursekit.js).
    /// Cell tags override the rules: <c>keep</c> (the whole cell on the slide), <c>notes</c> (the
    /// whole cell to the notes), <c>show-code</c>, <c>no-fragment</c>, <c>solution</c> (left out).
    /// </summary>
    public static string Deck(NotebookFile notebook)
    {
        var slides = new List<List<(StringBuilder Content, StringBuilder Notes)>>();
        var charts = new ChartNumbers();
        bool afterChart = false;
        foreach (JsonNode? cell in notebook.Cells)
        {
            if (cell is null) continue;
            string type = cell["metadata"]?["slideshow"]?["slide_type"]?.GetValue<string>() ?? "-";
            var tags = NotebookFile.Tags(cell);
            if (type == "skip" || IsSetupCell(cell) || IsSolution(cell)) continue;
            if (type == "slide" || slides.Count == 0) slides.Add([]);
            if (type == "slide" || type == "subslide" || slides[^1].Count == 0)
            {
                if (type == "subslide" || slides[^1].Count == 0) slides[^1].Add((new StringBuilder(), new StringBuilder()));
                afterChart = false;
            }

            var (content, notes) = slides[^1][^1];
            bool markdown = NotebookFile.CellType(cell) == "markdown";
            if (type == "notes" || tags.Contains("notes"))
            {
                notes.AppendLine(Cell(cell, charts, deck: true));
                continue;
            }

            string html;
            if (markdown && !tags.Contains("keep"))
            {
                var (shown, spoken) = DeckText.Split(NotebookFile.Source(cell));
                html = shown.Length > 0 ? MarkdownHtml(shown) : "";
                if (spoken.Length > 0) notes.AppendLine(MarkdownHtml(spoken));
            }
            else html = Cell(cell, charts, deck: true);

            if (html.Length == 0) continue;
            bool fragment = type == "fragment" || (markdown && afterChart && !tags.Contains("no-fragment"));
            content.AppendLine(fragment ? $"<div class=\"fragment\">{html}</div>" : html);
            if (html.Contains("coursekit-chart", StringComparison.Ordinal)) afterChart = true;
        }

        var body = new StringBuilder("<div class=\"reveal\"><div class=\"slides\">\n");
        foreach (var slide in slides)
        {
            body.AppendLine("<section>");
            foreach (var (content, notes) in slide)
            {
                body.AppendLine("<section>").Append("<div class=\"slide-body\">\n").Append(content).AppendLine("</div>");
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

    /// <summary>One notebook on the course site's index.</summary>
    public sealed record IndexEntry(string Name, string Title, string Question, string Summary, bool HasDeck);

    /// <summary>The course site's index: every notebook in order with its question, a one-line summary and links to its page and deck.</summary>
    public static string Index(IReadOnlyList<IndexEntry> notebooks)
    {
        var items = new StringBuilder();
        foreach (var entry in notebooks)
        {
            string file = Href(entry.Name);
            items.AppendLine("<li class=\"notebook\">");
            items.AppendLine($"<h2><a href=\"{file}.html\">{Encode(entry.Title)}</a></h2>");
            if (entry.Question.Length > 0) items.AppendLine($"<p class=\"question\">{Encode(entry.Question)}</p>");
            if (entry.Summary.Length > 0) items.AppendLine($"<p class=\"summary\">{Encode(entry.Summary)}</p>");
            items.Append($"<p class=\"links\"><a href=\"{file}.html\">page</a>");
            if (entry.HasDeck) items.Append($" · <a href=\"{file}.slides.html\">slides</a>");
            items.AppendLine($" · <code>{Encode(entry.Name)}.ipynb</code></p>");
            items.AppendLine("</li>");
        }

        return Document("CourseKit: the course", "index",
            $"<h1>Optimization and adaptive learning rates: the course</h1>\n<p>Each notebook asks one question and answers it with runs you can repeat. Slides: arrow keys or space to advance, C shows a slide's code, S the speaker notes, Esc the overview, F full screen. Everything here works offline.</p>\n<ol class=\"course\">\n{items}</ol>",
            head: "<link rel=\"stylesheet\" href=\"assets/page.css\">", scripts: "<script>coursekit.page();</script>");
    }

    private sealed class ChartNumbers
    {
        public int Count;
    }

    /// <summary>The set-up cell: a code cell that loads packages (<c>#r "nuget:</c>); its package list is noise in an export.</summary>
    private static bool IsSetupCell(JsonNode cell) =>
        NotebookFile.CellType(cell) == "code" && NuGetDirective().IsMatch(NotebookFile.Source(cell)) && !NotebookFile.Tags(cell).Contains("show-output");

    /// <summary>A worked solution: tagged "solution", or a Markdown cell that folds one (<c>&lt;summary&gt;Solution</c>).</summary>
    private static bool IsSolution(JsonNode cell) =>
        NotebookFile.Tags(cell).Contains("solution")
        || (NotebookFile.CellType(cell) == "markdown" && SolutionFold().IsMatch(NotebookFile.Source(cell)));

    private static string MarkdownHtml(string source)
    {
        // "$$…$$" alone on a line is display math, but Markdig reads it as inline math unless
        // the "$$" fences stand on their own lines.
        string markdown = DisplayMathLine().Replace(source, "\n$$$$\n$1\n$$$$\n");
        return $"<div class=\"markdown\">{Markdig.Markdown.ToHtml(markdown, Markdown)}</div>";
    }

    private static string Cell(JsonNode cell, ChartNumbers charts, bool deck)
    {
        string source = NotebookFile.Source(cell);
        switch (NotebookFile.CellType(cell))
        {
            case "markdown":
                return MarkdownHtml(source);
            case "code":
                bool folded = deck && !NotebookFile.Tags(cell).Contains("show-code");
                var html = new StringBuilder("<div class=\"code-cell\">");
                if (source.Trim().Length > 0) html.Append($"<pre class=\"input{(folded ? " folded" : "")}\"><code class=\"language-csharp\">{Encode(source.TrimEnd())}</code></pre>");
                if (cell["outputs"] is JsonArray outputs && !IsSetupCell(cell))
                    foreach (JsonNode? output in outputs)
                        if (output is not null) html.Append(Output(output, charts, deck));
                return html.Append("</div>").ToString();
            default:
                return $"<pre>{Encode(source)}</pre>";
        }
    }

    /// <summary>Printed lines a deck shows before folding the rest of an output.</summary>
    public const int DeckOutputLines = 8;

    private static string Output(JsonNode output, ChartNumbers charts, bool deck)
    {
        string type = output["output_type"]?.GetValue<string>() ?? "";
        if (type == "stream") return Printed(NotebookFile.Text(output["text"]), deck);
        if (type == "error") return $"<pre class=\"output error\">{Encode(output["ename"] + ": " + output["evalue"])}</pre>";
        var data = output["data"];
        if (data?[PlotlyMimeType] is { } figure) return Chart(figure, charts);
        if (data?["text/html"] is { } htmlNode)
        {
            string html = NotebookFile.Text(htmlNode);
            if (html.Contains("Plotly.newPlot", StringComparison.Ordinal))
                throw new InvalidOperationException($"A chart output has no {PlotlyMimeType} figure (only Plotly.NET's HTML); export draws charts from the figure JSON, which the runner adds.");
            return $"<div class=\"output html\">{html}</div>";
        }

        if (data?["image/png"] is { } png) return $"<img class=\"output\" alt=\"\" src=\"data:image/png;base64,{NotebookFile.Text(png).Trim()}\">";
        if (data?["text/plain"] is { } text) return Printed(NotebookFile.Text(text), deck);
        return "";
    }

    // Printed text. On a page, all of it; in a deck, the claim lines ("✓ claim: …") fold into one
    // line and long output shows its first lines, the rest a click away (both are details elements).
    private static string Printed(string text, bool deck)
    {
        if (!deck) return $"<pre class=\"output\">{Encode(text)}</pre>";
        var lines = text.TrimEnd('\n').Split('\n');
        var claims = lines.Where(l => ClaimLine().IsMatch(l)).ToList();
        var rest = lines.Where(l => !ClaimLine().IsMatch(l)).ToList();
        var html = new StringBuilder();
        if (rest.Count > 0 && rest.Any(l => l.Trim().Length > 0))
        {
            html.Append($"<pre class=\"output\">{Encode(string.Join('\n', rest.Take(DeckOutputLines)))}</pre>");
            if (rest.Count > DeckOutputLines)
                html.Append($"<details class=\"more\"><summary>{rest.Count - DeckOutputLines} more lines</summary><pre class=\"output\">{Encode(string.Join('\n', rest.Skip(DeckOutputLines)))}</pre></details>");
        }

        if (claims.Count > 0)
        {
            bool allHold = claims.All(c => c.TrimStart().StartsWith('✓'));
            html.Append($"<details class=\"claims\"><summary>{(allHold ? "✓" : "✗")} {claims.Count} claim{(claims.Count == 1 ? "" : "s")} checked</summary><pre class=\"output\">{Encode(string.Join('\n', claims))}</pre></details>");
        }

        return html.ToString();
    }

    /// <summary>The MIME type of a Plotly figure (data, layout, config as JSON) in a notebook output.</summary>
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    // A chart as a div and its figure JSON (sliders and buttons live in the layout, so they keep working).
    private static string Chart(JsonNode figureNode, ChartNumbers charts)
    {
        JsonNode figure = figureNode is JsonValue value && value.TryGetValue(out string? text) ? JsonNode.Parse(text)! : figureNode;
        if (figure["data"] is not JsonArray) throw new InvalidOperationException($"A {PlotlyMimeType} output has no data array.");
        string id = $"chart-{++charts.Count}";
        // "</" cannot end the script element once escaped; "\/" is the same string in JSON.
        string json = figure.ToJsonString().Replace("</", "<\\/", StringComparison.Ordinal);
        return $"<div class=\"output chart\"><div id=\"{id}\" class=\"coursekit-chart\"></div><script type=\"application/json\" class=\"coursekit-figure\" data-chart=\"{id}\">{json}</script></div>";
    }

    [GeneratedRegex(@"^\s*[✓✗] claim", RegexOptions.None)]
    private static partial Regex ClaimLine();

    [GeneratedRegex(@"^\s*#r\s+""nuget:", RegexOptions.Multiline)]
    private static partial Regex NuGetDirective();

    [GeneratedRegex(@"<summary>\s*(<[^>]+>\s*)*Solution", RegexOptions.IgnoreCase)]
    private static partial Regex SolutionFold();

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();

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
