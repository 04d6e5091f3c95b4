using System.Text.Json.Nodes;

namespace CourseKit.Notebooks.Tests;

/// <summary>Every notebook is in the course's format: what VS Code writes, slide tags, no outputs, the one set-up cell.</summary>
public class NotebookConventionTests
{
    private static readonly string[] SlideTypes = ["slide", "subslide", "fragment", "skip", "notes", "-"];

    private static NotebookFile Load(string name) => NotebookFile.Load(Path.Combine(Repository.NotebooksFolder, name));

    [Fact]
    public void There_is_a_welcome_notebook() =>
        Assert.Contains(Repository.Notebooks(), row => (string)row[0] == "00-welcome.ipynb");

    [Theory]
    [MemberData(nameof(Repository.Notebooks), MemberType = typeof(Repository))]
    public void Is_nbformat_4_5_with_a_unique_id_on_every_cell(string name)
    {
        var notebook = Load(name);
        Assert.Equal(4, notebook.Root["nbformat"]!.GetValue<int>());
        Assert.True(notebook.Root["nbformat_minor"]!.GetValue<int>() >= 5, $"{name}: nbformat_minor must be 5 or more (cell ids).");
        var ids = notebook.Cells.Select(c => c!["id"]?.GetValue<string>()).ToList();
        Assert.All(ids, id => Assert.False(string.IsNullOrWhiteSpace(id), $"{name}: a cell has no id."));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Repository.Notebooks), MemberType = typeof(Repository))]
    public void Carries_the_metadata_VS_Code_writes(string name)
    {
        var notebook = Load(name);
        var expected = NotebookSetup.NotebookMetadata();
        foreach (var (key, value) in expected)
            Assert.True(JsonNode.DeepEquals(value, notebook.Root["metadata"]?[key]), $"{name}: metadata.{key} should be {value!.ToJsonString()}.");

        foreach (var cell in notebook.Cells.Where(c => NotebookFile.CellType(c!) == "code"))
            Assert.Equal("csharp", cell!["metadata"]?["polyglot_notebook"]?["kernelName"]?.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Repository.Notebooks), MemberType = typeof(Repository))]
    public void Every_cell_has_a_slide_tag(string name)
    {
        foreach (var cell in Load(name).Cells)
        {
            string? type = cell!["metadata"]?["slideshow"]?["slide_type"]?.GetValue<string>();
            Assert.True(type is not null && SlideTypes.Contains(type), $"{name}, cell {cell["id"]}: slideshow.slide_type must be one of {string.Join(", ", SlideTypes)}; it is '{type}'.");
        }
    }

    [Theory]
    [MemberData(nameof(Repository.Notebooks), MemberType = typeof(Repository))]
    public void Is_committed_without_outputs(string name)
    {
        foreach (var cell in Load(name).Cells.Where(c => NotebookFile.CellType(c!) == "code"))
        {
            Assert.True(cell!["outputs"] is JsonArray { Count: 0 }, $"{name}, cell {cell["id"]}: clear its outputs before committing.");
            Assert.Null(cell["execution_count"]?.GetValue<int?>());
        }
    }

    [Theory]
    [MemberData(nameof(Repository.Notebooks), MemberType = typeof(Repository))]
    public void Starts_with_the_one_set_up_cell(string name)
    {
        var first = Load(name).Cells.First(c => NotebookFile.CellType(c!) == "code");
        Assert.Equal(NotebookSetup.SetupCell(), NotebookFile.Source(first!));
    }
}
