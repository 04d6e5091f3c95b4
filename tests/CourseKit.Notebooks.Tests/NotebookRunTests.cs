using System.Text.Json.Nodes;

namespace CourseKit.Notebooks.Tests;

/// <summary>Every notebook runs through the in-process runner (the one behind <c>coursekit run</c>) without a failing cell.</summary>
public class NotebookRunTests
{
    [Theory]
    [MemberData(nameof(Repository.Notebooks), MemberType = typeof(Repository))]
    public async Task Every_cell_runs_and_every_chart_cell_draws(string name)
    {
        string output = Repository.TempFolder("run");
        string source = Path.Combine(Repository.NotebooksFolder, name);
        string before = File.ReadAllText(source);

        NotebookRun run = await NotebookRunner.RunAsync(source, output);

        Assert.True(run.Succeeded, run.FailureMessage);
        Assert.NotEmpty(run.Cells);
        Assert.Equal(before, File.ReadAllText(source));
        var executed = NotebookFile.Load(run.ExecutedCopyPath!);
        foreach (var cell in executed.Cells.Where(c => NotebookFile.CellType(c!) == "code"))
            Assert.True(cell!["execution_count"]?.GetValue<int>() > 0, $"{name}, cell {cell["id"]} was not executed.");
        int claims = ClaimCount.Printed(run.ExecutedCopyPath!);
        Assert.True(claims >= ClaimCount.Floor(name), $"{name} printed {claims} claims; its floor is {ClaimCount.Floor(name)} (claim-floors.json).");
        Directory.Delete(output, recursive: true);
    }

    [Fact]
    public async Task The_welcome_notebook_draws_its_charts_and_prints_a_small_frame()
    {
        string output = Repository.TempFolder("welcome");
        var run = await NotebookRunner.RunAsync(Path.Combine(Repository.NotebooksFolder, "00-welcome.ipynb"), output);
        var executed = NotebookFile.Load(run.ExecutedCopyPath!);
        string Html(string id) => string.Concat(executed.Cells.Single(c => c!["id"]!.GetValue<string>() == id)!["outputs"]!.AsArray()
            .Select(o => NotebookFile.Text(o!["data"]?["text/html"])));

        Assert.True(run.Succeeded, run.FailureMessage);
        Assert.Contains("Plotly.newPlot", Html("contour"));
        Assert.Contains("Plotly.newPlot", Html("slider"));
        Assert.Contains("\"sliders\"", Html("slider"));
        Assert.Contains("coursekit-frame", Html("frame"));
        Assert.True(Html("frame").Length < 5_000, "The frame should print as a small table.");
        Directory.Delete(output, recursive: true);
    }

    [Fact]
    public async Task A_failing_cell_stops_the_run_and_is_named()
    {
        string folder = Repository.TempFolder("failing");
        string path = Write(folder, "broken.ipynb",
            NotebookSetup.CodeCell("fine", "var a = 1;"),
            NotebookSetup.MarkdownCell("words", "Some text."),
            NotebookSetup.CodeCell("bad", "throw new InvalidOperationException(\"the optimizer diverged\");"),
            NotebookSetup.CodeCell("never", "var b = 2;"));

        var run = await NotebookRunner.RunAsync(path, Path.Combine(folder, "out"));

        Assert.False(run.Succeeded);
        Assert.Equal(2, run.Cells.Count);
        Assert.Equal(3, run.FirstFailure!.Index);
        Assert.StartsWith("notebook broken.ipynb, cell 3: ", run.FailureMessage);
        Assert.Contains("the optimizer diverged", run.FailureMessage);
        Assert.Contains("\"output_type\": \"error\"", File.ReadAllText(run.ExecutedCopyPath!));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_chart_cell_without_a_chart_fails()
    {
        string folder = Repository.TempFolder("nochart");
        string path = Write(folder, "nochart.ipynb", NotebookSetup.CodeCell("quiet", "var chart = 1;\nchart"));
        var notebook = NotebookFile.Load(path);
        notebook.Cells[0]!["metadata"]!["tags"] = new JsonArray("chart");
        notebook.Save(path);

        var run = await NotebookRunner.RunAsync(path, Path.Combine(folder, "out"));

        Assert.False(run.Succeeded);
        Assert.Contains("no chart output", run.FailureMessage);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Cells_run_in_the_notebook_folder_and_the_copy_never_overwrites_the_source()
    {
        string folder = Repository.TempFolder("cwd");
        string path = Write(folder, "where.ipynb", NotebookSetup.CodeCell("cwd", "System.IO.Directory.GetCurrentDirectory()"));
        string before = Directory.GetCurrentDirectory();

        var run = await NotebookRunner.RunAsync(path, Path.Combine(folder, "executed"));

        Assert.True(run.Succeeded, run.FailureMessage);
        Assert.Contains(folder, File.ReadAllText(run.ExecutedCopyPath!));
        Assert.Equal(before, Directory.GetCurrentDirectory());
        await Assert.ThrowsAsync<ArgumentException>(() => NotebookRunner.RunAsync(path, folder));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_cell_that_never_finishes_fails_after_the_timeout()
    {
        string folder = Repository.TempFolder("timeout");
        string path = Write(folder, "slow.ipynb", NotebookSetup.CodeCell("slow", "await Task.Delay(TimeSpan.FromSeconds(30));"));

        var run = await NotebookRunner.RunAsync(path, Path.Combine(folder, "out"), cellTimeout: TimeSpan.FromSeconds(2));

        Assert.False(run.Succeeded);
        Assert.Contains("did not finish within 2 s", run.FailureMessage);
        Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData("ContourChart.Create(surface, path)", true)]
    [InlineData("SliderChart.Paths(grid, paths, prefix: \"Adam, \")", true)]
    [InlineData("var chart = ContourChart.Create(surface);", false)]
    [InlineData("HeatmapChart.Create(grid,\n    title: \"ranks\")", true)]
    [InlineData("var grid = 1;\nXYChart.Create(series,\n    xTitle: \"ε\", logX: true)", true)]
    [InlineData("losses.Count", false)]
    public void Chart_cells_are_those_ending_in_a_chart_helper_call(string lastLine, bool isChart) =>
        Assert.Equal(isChart, NotebookRunner.IsChartCell(new JsonObject(), "var x = 1;\n" + lastLine + "\n"));

    private static string Write(string folder, string name, params JsonObject[] cells)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, NotebookSetup.Notebook(new JsonArray(cells)).ToJsonString());
        return path;
    }
}
