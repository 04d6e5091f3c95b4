using System.Text.Json;
using System.Text.Json.Nodes;

namespace CourseKit.Notebooks;

/// <summary>
/// A small notebook in the course's format that loads the kit, draws a contour chart and prints
/// a Deedle frame: what <c>coursekit kernel check</c> and the Jupyter-path test execute.
/// </summary>
public static class CheckNotebook
{
    /// <summary>The notebook JSON; <paramref name="kitFolder"/> is the absolute path of the kit's folder (artifacts/kit).</summary>
    public static string Create(string kitFolder)
    {
        string setup = NotebookSetup.SetupCell(JsonSerializer.Serialize(kitFolder.Replace('\\', '/'))[1..^1]);
        var cells = new JsonArray(
            Code("setup", setup),
            Code("chart", """
                var grid = SurfaceGrid.Sample((x, y) => x * x + 3 * y * y, -2, 2, -2, 2, resolution: 40);
                ContourChart.Create(grid, new ChartPath("descent", [1.5, 0.9, 0.4, 0.1], [1.5, 0.3, 0.1, 0.0]))
                """),
            Code("frame", """
                var steps = Deedle.Frame.FromColumns(new Dictionary<string, Deedle.Series<int, double>>
                {
                    ["loss"] = new(Enumerable.Range(0, 30), Enumerable.Range(0, 30).Select(k => 1.0 / (k + 1))),
                });
                steps
                """));
        return NotebookSetup.Notebook(cells).ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonObject Code(string id, string source) => NotebookSetup.CodeCell(id, source);
}
