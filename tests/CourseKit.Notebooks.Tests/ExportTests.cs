using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace CourseKit.Notebooks.Tests;

/// <summary>
/// <c>coursekit export</c>: decks follow the slide tags, and the exported pages work offline in a
/// real browser: no JavaScript error, every chart drawn, every formula typeset, keys advance slides.
/// </summary>
public partial class ExportTests(ITestOutputHelper output)
{
    private const string MathMarkdown = """
        # Synthetic math

        Inline $\alpha_k = \epsilon_0 / \sqrt{r_k + \delta}$ and a display line:

        $$\theta \leftarrow \theta - \frac{\epsilon}{\sqrt{\delta + r}} \odot g$$

        and a fenced one:

        $$
        J(\theta) = \frac{1}{m} \sum_{i=1}^{m} L(f(x^{(i)}; \theta), y^{(i)})
        $$
        """;

    private static string Synthetic(string folder)
    {
        string path = Path.Combine(folder, "synthetic.ipynb");
        var cells = new JsonArray(
            NotebookSetup.MarkdownCell("m1", MathMarkdown),
            NotebookSetup.CodeCell("setup", "var hidden = 1;", "skip"),
            NotebookSetup.MarkdownCell("m2", "## Second slide\n\nWith $x^2$ in it.", "slide"),
            NotebookSetup.CodeCell("c1", "Console.WriteLine(\"six times seven is \" + 6 * 7);"),
            NotebookSetup.MarkdownCell("m3", "Appears on a key press.", "fragment"),
            NotebookSetup.MarkdownCell("m4", "Say the learning rate out loud.", "notes"),
            NotebookSetup.MarkdownCell("m5", "### Below the second slide", "subslide"));
        File.WriteAllText(path, NotebookSetup.Notebook(cells).ToJsonString());
        return path;
    }

    [Fact]
    public void The_deck_follows_the_slide_tags_and_the_page_keeps_every_cell()
    {
        string folder = Repository.TempFolder("export-render");
        var notebook = NotebookFile.Load(Synthetic(folder));

        string deck = ExportRenderer.Deck(notebook);
        string page = ExportRenderer.Page(notebook);

        // Two horizontal slides; the second has a subslide below it: 2 outer + 3 inner sections.
        Assert.Equal(5, Regex.Matches(deck, "<section>").Count);
        Assert.DoesNotContain("var hidden", deck);
        Assert.Contains("var hidden", page);
        Assert.Matches("<div class=\"fragment\">.*Appears on a key press", deck);
        Assert.Matches("<aside class=\"notes\">.*Say the learning rate", deck);
        Assert.Equal("Synthetic math", ExportRenderer.Title(notebook));
        // "$$…$$" alone on a line is display math (a div), "$…$" inline (a span).
        Assert.Equal(2, Regex.Matches(page, "<div class=\"math\">").Count);
        Assert.Equal(2, Regex.Matches(page, "<span class=\"math\">").Count);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Deck_text_keeps_the_question_and_sends_the_long_explanation_to_the_notes()
    {
        string longer = string.Join(" ", Enumerable.Repeat("The ball keeps rolling along the floor of the valley.", 8));
        string markdown = "## Momentum\n\n**Why does SGD zig-zag?** " + longer + "\n\n$$v \\leftarrow \\alpha v - \\epsilon g$$\n\nA second paragraph.";

        var (slide, notes) = DeckText.Split(markdown);

        Assert.Contains("## Momentum", slide);
        Assert.Contains("**Why does SGD zig-zag?**", slide);
        Assert.Contains("$$v", slide);
        Assert.DoesNotContain("ball keeps rolling", slide);
        Assert.Contains("ball keeps rolling", notes);
        Assert.Contains("A second paragraph.", notes);
        Assert.True(DeckText.Words(slide) <= DeckText.WordBudget + 10, slide);
        // Short cells stay whole.
        Assert.Equal(("Short text.", ""), DeckText.Split("Short text."));
    }

    [Fact]
    public void Deck_rules_fold_code_and_claims_and_leave_out_setup_and_solutions()
    {
        var setup = NotebookSetup.CodeCell("setup", "#r \"nuget: Deedle, 8.1.0\"");
        setup["outputs"] = new JsonArray(new JsonObject { ["output_type"] = "display_data", ["data"] = new JsonObject { ["text/html"] = "<div>Installed Packages</div>" }, ["metadata"] = new JsonObject() });
        var claims = NotebookSetup.CodeCell("c", "Claim.That(...);");
        claims["outputs"] = new JsonArray(new JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = "✓ claim: one\n✓ claim: two\nplain line\n" });
        var notebook = Notebook(new JsonArray(
            NotebookSetup.MarkdownCell("t", "# T\n\n**What is asked?** A summary.", "slide"), setup, claims,
            NotebookSetup.MarkdownCell("s", "<details><summary>Solutions</summary>\n\nthe answer\n</details>", "subslide")));

        string deck = ExportRenderer.Deck(notebook);
        string page = ExportRenderer.Page(notebook);

        Assert.DoesNotContain("Installed Packages", deck);
        Assert.DoesNotContain("Installed Packages", page);
        Assert.DoesNotContain("the answer", deck);
        Assert.Contains("the answer", page);
        Assert.Contains("pre class=\"input folded\"", deck);
        Assert.DoesNotContain("folded", page);
        Assert.Contains("✓ 2 claims checked", deck);
        Assert.Contains("plain line", deck);
        Assert.Equal("What is asked?", ExportRenderer.Question(notebook));
    }

    [Fact]
    public void A_chart_output_without_its_figure_json_fails_the_export_loudly()
    {
        var cell = NotebookSetup.CodeCell("c", "chart");
        cell["outputs"] = new JsonArray(new JsonObject { ["output_type"] = "display_data", ["data"] = new JsonObject { ["text/html"] = "<script>Plotly.newPlot(x, data)</script>" }, ["metadata"] = new JsonObject() });
        var notebook = Notebook(new JsonArray(NotebookSetup.MarkdownCell("t", "# T", "slide"), cell));

        var error = Assert.Throws<InvalidOperationException>(() => ExportRenderer.Page(notebook));
        Assert.Contains(ExportRenderer.PlotlyMimeType, error.Message);

        notebook.Cells[1]!["outputs"]![0]!["data"]![ExportRenderer.PlotlyMimeType] = new JsonObject { ["data"] = new JsonArray(), ["layout"] = new JsonObject() };
        Assert.Contains("coursekit-chart", ExportRenderer.Deck(notebook));
    }

    private static NotebookFile Notebook(JsonArray cells)
    {
        string folder = Repository.TempFolder("export-rules");
        string path = Path.Combine(folder, "rules.ipynb");
        File.WriteAllText(path, NotebookSetup.Notebook(cells).ToJsonString());
        return NotebookFile.Load(path);
    }

    [Fact]
    public void Export_of_a_missing_notebook_exits_2_naming_it()
    {
        var root = new System.CommandLine.RootCommand { CourseKit.Cli.Commands.ExportCommand.Create() };
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        int code = CourseKit.Cli.ExitCodes.Run(root, ["export", "no-such-notebook.ipynb", "--out", Path.GetTempPath()], stdout, stderr);

        Assert.Equal(2, code);
        Assert.Contains("no-such-notebook.ipynb", stderr.ToString());
    }

    [ExportBrowserFact]
    public async Task Exported_slides_and_pages_work_offline_in_a_browser()
    {
        string folder = Repository.TempFolder("export");
        string output = Path.Combine(folder, "out");
        string welcome = Path.Combine(Repository.NotebooksFolder, "00-welcome.ipynb");

        NotebookRun? failed = await ExportJob.RunAsync([welcome, Synthetic(folder)], output, Repository.Root);

        Assert.Null(failed);
        string index = File.ReadAllText(Path.Combine(output, "index.html"));
        Assert.True(index.IndexOf("00-welcome.slides.html", StringComparison.Ordinal) < index.IndexOf("synthetic.slides.html", StringComparison.Ordinal), "the index lists the notebooks in order");
        foreach (string html in Directory.GetFiles(output, "*.html"))
            Assert.DoesNotMatch("(src|href)=\"(https?:)?//", File.ReadAllText(html));

        // Two browsers at a time (CI has two cores); each has its own profile.
        string[] files = ["index.html", "00-welcome.html", "00-welcome.slides.html", "synthetic.html", "synthetic.slides.html"];
        var reports = new ExportBrowser.Report[files.Length];
        await Parallel.ForAsync(0, files.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 },
            (i, _) => { reports[i] = ExportBrowser.Open(Path.Combine(output, files[i])); return ValueTask.CompletedTask; });

        for (int i = 0; i < files.Length; i++)
        {
            string file = files[i];
            var report = reports[i];
            Assert.True(report.Errors.Length == 0, $"{file}: JavaScript errors: {string.Join(" | ", report.Errors)}");
            if (file == "index.html") continue;
            Assert.True(report.Undrawn.Length == 0, $"{file}: charts without their SVG: {string.Join(", ", report.Undrawn)}");
            Assert.True(report.RawTex.Length == 0, $"{file}: TeX left raw: {string.Join(" | ", report.RawTex)}");
            Assert.True(report.Highlighted > 0, $"{file}: no highlighted code");
            if (file.StartsWith("00-welcome", StringComparison.Ordinal)) Assert.True(report.Charts >= 3, $"{file}: expected the welcome notebook's 3 charts, found {report.Charts}");
            else Assert.Equal(4, report.Katex);
            if (file.EndsWith(".slides.html", StringComparison.Ordinal))
                Assert.True(report.SlideAfter == report.SlideBefore + 1, $"{file}: the right arrow went from slide {report.SlideBefore} to {report.SlideAfter}");
        }

        Directory.Delete(folder, recursive: true);
    }

    /// <summary>
    /// The decks an instructor projects: every slide of every course deck, all fragments shown, fits a
    /// 16:9 projector (1280 × 720) and a 4:3 one (1024 × 768) without scrolling or cutting content.
    /// </summary>
    [ExportBrowserFact]
    public async Task Every_slide_of_every_deck_fits_the_screen()
    {
        string folder = Repository.TempFolder("export-fit");
        string out_ = Path.Combine(folder, "out");
        var notebooks = Repository.Notebooks().Select(n => Path.Combine(Repository.NotebooksFolder, (string)n[0])).ToList();

        NotebookRun? failed = await ExportJob.RunAsync(notebooks, out_, Repository.Root);
        Assert.Null(failed);

        (int Width, int Height)[] screens = [(1280, 720), (1024, 768)];
        var decks = Directory.GetFiles(out_, "*.slides.html").Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(decks);
        var jobs = decks.SelectMany(d => screens.Select(s => (Deck: d, Screen: s))).ToArray();
        var results = new (int Slides, ExportBrowser.Overflow[] Overflows)[jobs.Length];
        await Parallel.ForAsync(0, jobs.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 },
            (i, _) => { results[i] = ExportBrowser.Fit(jobs[i].Deck, jobs[i].Screen.Width, jobs[i].Screen.Height); return ValueTask.CompletedTask; });

        var overflows = new List<string>();
        for (int i = 0; i < jobs.Length; i++)
        {
            var (width, height) = jobs[i].Screen;
            output.WriteLine($"{Path.GetFileName(jobs[i].Deck)} at {width}×{height}: {results[i].Slides} slides, {results[i].Overflows.Length} overflowing");
            Assert.True(results[i].Slides > 0, $"{jobs[i].Deck}: no slides measured");
            overflows.AddRange(results[i].Overflows.Select(o => $"{width}×{height} {o}"));
        }

        Assert.True(overflows.Count == 0, $"{overflows.Count} overflowing slide(s), first: {string.Join("\n", overflows)}");
        Directory.Delete(folder, recursive: true);
    }
}
