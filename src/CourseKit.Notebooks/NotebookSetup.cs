using System.Text.Json.Nodes;

namespace CourseKit.Notebooks;

/// <summary>
/// The course's notebook conventions in one place: the set-up cell every notebook starts with
/// (the kit's two assemblies, then one call that checks the kernel and registers the chart and frame
/// formatters), and the notebook and cell metadata VS Code's Polyglot extension writes. Tests check
/// every notebook against these.
/// </summary>
public static class NotebookSetup
{
    /// <summary>The kit's folder, relative to the notebooks folder (which is the working directory of every runner).</summary>
    public const string KitFolder = "../artifacts/kit";

    /// <summary>
    /// The set-up cell with the kit in <paramref name="kitFolder"/> (relative or absolute, '/'-separated).
    /// No <c>#r "nuget:"</c> lines: the build puts Plotly.NET, Deedle and FSharp.Core beside CourseKit.dll, and
    /// the compiler finds them there, so the first cell restores nothing.
    /// </summary>
    public static string SetupCell(string kitFolder = KitFolder) =>
        $"#r \"{kitFolder}/CourseKit.dll\"\n" +
        $"#r \"{kitFolder}/CourseKit.Interactive.dll\"\n" +
        "using CourseKit.Charts;\n" +
        "\n" +
        "// Charts draw offline and frames print as small tables; on a kernel that cannot run them, this says how to fix it.\n" +
        "CourseKit.Interactive.NotebookKit.Load();";

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
