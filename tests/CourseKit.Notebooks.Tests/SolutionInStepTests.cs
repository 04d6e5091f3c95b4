using System.Text.Json.Nodes;

namespace CourseKit.Notebooks.Tests;

/// <summary>
/// Issue 15 §3: each solution (solutions/NAME.solution.ipynb) is its student notebook (notebooks/NAME.ipynb)
/// with the solution regions filled in, so a fix made to one cannot silently miss the other.
/// </summary>
public class SolutionInStepTests
{
    public static IEnumerable<object[]> Solutions() => Repository.Solutions().Select(s => new object[] { s });

    [Fact]
    public void Every_solution_has_a_student_notebook_and_none_sits_in_notebooks()
    {
        Assert.NotEmpty(Repository.Solutions());
        Assert.All(Repository.Solutions(), s => Assert.True(File.Exists(StudentPath(s)), $"{s} has no student notebook {StudentPath(s)}"));
        Assert.Empty(Directory.GetFiles(Repository.NotebooksFolder, "*.solution.ipynb"));
    }

    [Theory]
    [MemberData(nameof(Solutions))]
    public void A_solution_has_the_student_notebooks_cells_outside_its_solution_regions(string solution)
    {
        var student = Cells(StudentPath(solution));
        var answer = Cells(Path.Combine(Repository.SolutionsFolder, solution));
        Assert.Equal(student.Select(c => c.Id), answer.Select(c => c.Id));
        for (int i = 0; i < student.Count; i++)
        {
            Assert.Equal(student[i].IsSolution, answer[i].IsSolution);
            Assert.Equal(student[i].Type, answer[i].Type);
            if (!student[i].IsSolution)
                Assert.True(student[i].Source == answer[i].Source, $"{solution}: cell '{student[i].Id}' differs from the student's outside a solution region.");
        }
    }

    private static string StudentPath(string solution) =>
        Path.Combine(Repository.NotebooksFolder, solution.Replace(".solution.ipynb", ".ipynb", StringComparison.Ordinal));

    private sealed record Cell(string Id, string Type, string Source, bool IsSolution);

    private static List<Cell> Cells(string path)
    {
        var nb = JsonNode.Parse(File.ReadAllText(path))!;
        return nb["cells"]!.AsArray().Select(c =>
        {
            string id = (string)c!["id"]!;
            bool tagged = c["metadata"]?["tags"]?.AsArray().Any(t => (string?)t == "solution") ?? false;
            string source = string.Concat(c["source"]!.AsArray().Select(l => (string)l!));
            return new Cell(id, (string)c["cell_type"]!, source, tagged || id.StartsWith("solution", StringComparison.Ordinal));
        }).ToList();
    }
}
