using System.Text.Json.Nodes;

namespace CourseKit.Notebooks.Tests;

/// <summary>
/// The path a student's VS Code takes: the kit's installed kernel (coursekit kernel install)
/// started by Jupyter, not the in-process runner.
/// </summary>
public class JupyterKernelTests
{
    [JupyterFact]
    public void The_installed_kernel_passes_its_check()
    {
        var log = new List<string>();
        string folder = Repository.TempFolder("kernel-check");
        var problems = new StudentKernel(Repository.Root).Check(log.Add, folder);
        Assert.True(problems.Count == 0, string.Join('\n', log));
        Directory.Delete(folder, recursive: true);
    }

    [JupyterFact]
    public void The_welcome_notebook_runs_on_the_kernel_over_Jupyter_with_charts_and_a_frame()
    {
        string output = Repository.TempFolder("jupyter");
        string executed = StudentKernel.ExecuteOverJupyter(Path.Combine(Repository.NotebooksFolder, "00-welcome.ipynb"), output);
        var notebook = NotebookFile.Load(executed);
        string Html(string id) => string.Concat(notebook.Cells.Single(c => c!["id"]!.GetValue<string>() == id)!["outputs"]!.AsArray()
            .Select(o => NotebookFile.Text(o!["data"]?["text/html"])));

        Assert.DoesNotContain(notebook.Cells.SelectMany(c => c!["outputs"] as JsonArray ?? []), o => o!["output_type"]!.GetValue<string>() == "error");
        Assert.Contains("Plotly.newPlot", Html("contour"));
        Assert.Contains("Plotly.newPlot", Html("slider"));
        Assert.Contains("coursekit-frame", Html("frame"));
        Directory.Delete(output, recursive: true);
    }
}
