using System.Text.Json.Nodes;

namespace CourseKit.Notebooks;

/// <summary>
/// The course's notebook conventions in one place: the set-up cell every notebook starts with
/// (pinned <c>#r "nuget:"</c> lines, then the kit, then the frame formatter), and the notebook and
/// cell metadata VS Code's Polyglot extension writes. Tests check every notebook against these.
/// </summary>
public static class NotebookSetup
{
    /// <summary>The packages each notebook references, pinned as in Directory.Packages.props.</summary>
    public static readonly IReadOnlyList<string> NugetLines =
    [
        "#r \"nuget: Plotly.NET.Interactive, 6.0.0\"",
        "#r \"nuget: Plotly.NET.CSharp, 0.14.0\"",
        "#r \"nuget: Deedle, 8.1.0\"",
    ];

    /// <summary>The kit, relative to the notebooks folder (which is the working directory of every runner).</summary>
    public const string KitReference = "../artifacts/kit/CourseKit.dll";

    /// <summary>The set-up cell with the kit at <paramref name="kitPath"/> (relative or absolute).</summary>
    public static string SetupCell(string kitPath = KitReference) =>
        string.Join('\n', NugetLines) + "\n" +
        $"#r \"{kitPath}\"\n" +
        "\n" +
        "using CourseKit.Charts;\n" +
        "using Microsoft.DotNet.Interactive.Formatting;\n" +
        "\n" +
        "// A Deedle frame prints as a small table instead of megabytes of HTML.\n" +
        "Formatter.Register(typeof(Deedle.Frame<,>), (frame, writer) => writer.Write(FrameTable.ToHtml(frame)), HtmlFormatter.MimeType);";

    /// <summary>Notebook metadata as VS Code's Polyglot extension writes it.</summary>
    public static JsonObject NotebookMetadata() => new()
    {
        ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
        ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
        ["polyglot_notebook"] = new JsonObject
        {
            ["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = "csharp",
                ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = "csharp" }),
            },
        },
    };

    /// <summary>A code cell with Polyglot's kernel metadata and a slide tag.</summary>
    public static JsonObject CodeCell(string id, string source, string slideType = "-") => new()
    {
        ["cell_type"] = "code",
        ["execution_count"] = null,
        ["id"] = id,
        ["metadata"] = new JsonObject
        {
            ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
            ["slideshow"] = new JsonObject { ["slide_type"] = slideType },
        },
        ["outputs"] = new JsonArray(),
        ["source"] = Lines(source),
    };

    /// <summary>A markdown cell with a slide tag.</summary>
    public static JsonObject MarkdownCell(string id, string source, string slideType = "slide") => new()
    {
        ["cell_type"] = "markdown",
        ["id"] = id,
        ["metadata"] = new JsonObject { ["slideshow"] = new JsonObject { ["slide_type"] = slideType } },
        ["source"] = Lines(source),
    };

    /// <summary>An nbformat 4.5 notebook of <paramref name="cells"/>.</summary>
    public static JsonObject Notebook(JsonArray cells) => new()
    {
        ["cells"] = cells,
        ["metadata"] = NotebookMetadata(),
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
    };

    private static JsonArray Lines(string source)
    {
        var parts = source.Replace("\r\n", "\n").Split('\n');
        var lines = new JsonArray();
        for (int i = 0; i < parts.Length; i++) lines.Add(i < parts.Length - 1 ? parts[i] + "\n" : parts[i]);
        if (parts[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return lines;
    }
}
