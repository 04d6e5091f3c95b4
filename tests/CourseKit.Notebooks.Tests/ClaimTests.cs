using System.Text.Json.Nodes;

namespace CourseKit.Notebooks.Tests;

/// <summary>
/// Issue 14's guard: every notebook keeps the claims it has (claim-floors.json), and they print wherever the
/// notebook runs. The in-process run's count is checked by <see cref="NotebookRunTests"/>; this class checks the
/// source and the Jupyter kernel's run.
/// </summary>
public class ClaimTests
{
    [Theory]
    [MemberData(nameof(Repository.Notebooks), MemberType = typeof(Repository))]
    public void A_notebook_keeps_at_least_the_claims_it_had(string name)
    {
        int floor = ClaimCount.Floor(name);
        int found = ClaimCount.InSource(Path.Combine(Repository.NotebooksFolder, name));
        Assert.True(found >= floor,
            $"{name} has {found} claim calls but had {floor} (claim-floors.json): a reading lost its check. " +
            "Lower the floor only when a claim is removed on purpose, and say why in the commit.");
    }

    [Fact]
    public void Every_floor_names_a_notebook_and_the_course_reaches_its_total()
    {
        var floors = ClaimCount.Floors();
        var notebooks = Repository.Notebooks().Select(n => (string)n[0]).ToHashSet();
        Assert.DoesNotContain(floors.Keys, k => !notebooks.Contains(k));
        int course = notebooks.Where(n => !n.Contains(".solution.", StringComparison.Ordinal))
            .Sum(n => ClaimCount.InSource(Path.Combine(Repository.NotebooksFolder, n)));
        Assert.True(course >= ClaimCount.CourseFloor, $"The course has {course} claims, fewer than {ClaimCount.CourseFloor}.");
    }

    [Fact]
    public void Claims_are_counted_in_code_and_in_printed_output()
    {
        string folder = Repository.TempFolder("claim-count");
        string path = Path.Combine(folder, "n.ipynb");
        File.WriteAllText(path, """
            {"cells": [
              {"cell_type": "markdown", "id": "m", "metadata": {}, "source": ["Claim.That(x) in prose is not a claim"]},
              {"cell_type": "code", "id": "c", "metadata": {}, "execution_count": 1, "source": ["Claim.That(a, \"s\");\n", "Claim.Near(1, 1, 0, \"t\"); Claim . ForSeeds(s, f, \"u\")"],
               "outputs": [{"output_type": "stream", "name": "stdout", "text": ["✓ claim: s\n", "✓ claim: t\n", "other\n"]},
                           {"output_type": "execute_result", "data": {"text/plain": ["✓ claim: u"]}}]}
            ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """);
        Assert.Equal(3, ClaimCount.InSource(path));
        Assert.Equal(3, ClaimCount.Printed(path));
        Directory.Delete(folder, recursive: true);
    }

    [JupyterTheory]
    [MemberData(nameof(Repository.Notebooks), MemberType = typeof(Repository))]
    public void Every_notebook_runs_on_the_kernel_over_Jupyter_with_its_claims(string name)
    {
        string output = Repository.TempFolder("jupyter-claims");
        string executed = StudentKernel.ExecuteOverJupyter(Path.Combine(Repository.NotebooksFolder, name), output);
        var notebook = NotebookFile.Load(executed);

        Assert.DoesNotContain(notebook.Cells.SelectMany(c => c!["outputs"] as JsonArray ?? []), o => o!["output_type"]!.GetValue<string>() == "error");
        int printed = ClaimCount.Printed(executed);
        Assert.True(printed >= ClaimCount.Floor(name), $"{name} printed {printed} claims over Jupyter; its floor is {ClaimCount.Floor(name)}.");
        Directory.Delete(output, recursive: true);
    }
}
