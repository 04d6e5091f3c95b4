using System.Text.Json;
using System.Text.Json.Nodes;

namespace CourseKit.Notebooks;

/// <summary>
/// An .ipynb file as JSON: the runner writes outputs into it and keeps everything else (cell ids,
/// slide tags, Polyglot metadata) exactly as it was, which a round trip through a notebook
/// object model would not guarantee.
/// </summary>
public sealed class NotebookFile
{
    private NotebookFile(string path, JsonObject root)
    {
        Path = path;
        Root = root;
    }

    /// <summary>Where the notebook was read from.</summary>
    public string Path { get; }

    /// <summary>The whole notebook.</summary>
    public JsonObject Root { get; }

    /// <summary>The cells in order.</summary>
    public JsonArray Cells => Root["cells"] as JsonArray ?? throw new InvalidDataException($"{Path}: no \"cells\" array.");

    /// <summary>Reads and checks that the file is an nbformat 4 notebook.</summary>
    /// <exception cref="InvalidDataException">Not JSON or not a notebook; the message names the file.</exception>
    public static NotebookFile Load(string path)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON ({e.Message}).", e);
        }

        if (node is not JsonObject root || root["cells"] is not JsonArray cells
            || root["nbformat"] is not JsonValue format || !format.TryGetValue(out int version) || version != 4)
            throw new InvalidDataException($"{path}: not an nbformat 4 notebook (expected a JSON object with \"nbformat\": 4 and a \"cells\" array).");
        // The runner reads every cell's type and source: a malformed cell is named here, not met as a crash later.
        for (int i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not JsonObject cell || cell["cell_type"] is not JsonValue type || !type.TryGetValue(out string? _))
                throw new InvalidDataException($"{path}: cell {i + 1} is not a notebook cell (an object with a \"cell_type\").");
            if (cell["source"] is { } source && !IsText(source))
                throw new InvalidDataException($"{path}: cell {i + 1}'s \"source\" is neither a string nor a list of strings.");
        }

        return new NotebookFile(path, root);
    }

    private static bool IsText(JsonNode node) => node switch
    {
        JsonArray lines => lines.All(l => l is JsonValue v && v.TryGetValue(out string? _)),
        JsonValue text => text.TryGetValue(out string? _),
        _ => false,
    };

    /// <summary>The cell's source as one string (nbformat allows a string or a list of lines).</summary>
    public static string Source(JsonNode cell) => Text(cell["source"]);

    /// <summary>A multi-line nbformat string (one string, or a list of lines as Jupyter writes it), or "" when absent.</summary>
    public static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>())),
        JsonValue text => text.GetValue<string>(),
        _ => "",
    };

    /// <summary>Cell type: "code", "markdown" or "raw".</summary>
    public static string CellType(JsonNode cell) => cell["cell_type"]?.GetValue<string>() ?? "";

    /// <summary>The cell's tags (metadata.tags).</summary>
    public static IReadOnlyList<string> Tags(JsonNode cell) =>
        cell["metadata"]?["tags"] is JsonArray tags ? tags.Select(t => t!.GetValue<string>()).ToList() : [];

    /// <summary>Writes the notebook with one-space indentation, as Jupyter and VS Code do.</summary>
    public void Save(string path)
    {
        string? folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        var options = new JsonSerializerOptions { WriteIndented = true, IndentSize = 1, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        File.WriteAllText(path, Root.ToJsonString(options) + "\n");
    }
}
