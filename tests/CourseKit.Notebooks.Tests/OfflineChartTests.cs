using System.Diagnostics;
using System.Text.Json.Nodes;
using CourseKit.Interactive;

namespace CourseKit.Notebooks.Tests;

/// <summary>
/// Charts need no network: a chart notebook run through the kit's kernel over Jupyter (the path VS
/// Code's Jupyter extension takes) loads no script over http(s) and gives every chart the Plotly MIME
/// type, and its nbconvert HTML, opened in headless Chromium with the network cut, draws every chart.
/// </summary>
public class OfflineChartTests(OfflineChartTests.ExecutedNotebook executed) : IClassFixture<OfflineChartTests.ExecutedNotebook>
{
    /// <summary>08-momentum (the issue's example, eight charts: contours, sliders, histories) run once over Jupyter for all three tests.</summary>
    public sealed class ExecutedNotebook : IDisposable
    {
        private readonly Lazy<(string Folder, string Executed)> run = new(() =>
        {
            string folder = Repository.TempFolder("offline-charts");
            return (folder, StudentKernel.ExecuteOverJupyter(Path.Combine(Repository.NotebooksFolder, "08-momentum.ipynb"), folder));
        });

        public (string Folder, string Executed) Value => run.Value;

        public void Dispose()
        {
            if (run.IsValueCreated) Directory.Delete(run.Value.Folder, recursive: true);
        }
    }

    private ExecutedNotebook Executed => executed;

    [JupyterFact]
    public void A_chart_notebook_over_Jupyter_loads_no_script_from_the_network_and_every_chart_has_the_Plotly_MIME_type()
    {
        var notebook = JsonNode.Parse(File.ReadAllText(Executed.Value.Executed))!;
        var outputs = notebook["cells"]!.AsArray().SelectMany(c => c!["outputs"] as JsonArray ?? []).ToList();

        Assert.DoesNotContain(outputs, o => o!["output_type"]!.GetValue<string>() == "error");
        var findings = CheckNotebookOutputs.Check(notebook);
        Assert.True(findings.Count == 0, string.Join('\n', findings.Select(f => $"cell {f.CellId}: {f.Problem}")));
        // Every chart cell the runner knows of (tag or a chart helper as last statement) drew one.
        var chartCells = notebook["cells"]!.AsArray().Where(c => NotebookFile.CellType(c!) == "code" && NotebookRunner.IsChartCell(c!, NotebookFile.Source(c!))).ToList();
        Assert.NotEmpty(chartCells);
        Assert.All(chartCells, c => Assert.Contains(c!["outputs"]!.AsArray(), o => o!["data"]?[ChartFormatter.PlotlyMimeType] is not null));
        Assert.True(CheckNotebookOutputs.PlotlyOutputs(notebook) >= chartCells.Count);
    }

    [JupyterFact]
    public void The_kernels_first_cell_bootstrap_is_its_only_network_script()
    {
        // The tool prints its HTTP-API bootstrap (require.js from a CDN when the page has none) into the
        // first cell; the kit cannot drop it. This pins down that nothing else is allowed through.
        var notebook = JsonNode.Parse(File.ReadAllText(Executed.Value.Executed))!;
        var strict = CheckNotebookOutputs.Check(notebook, allowKernelBootstrap: false);
        string firstCell = notebook["cells"]!.AsArray().First(c => NotebookFile.CellType(c!) == "code")!["id"]!.GetValue<string>();

        Assert.All(strict, f => Assert.Equal(firstCell, f.CellId));
    }

    // .ci/setup-notebooks.sh installs chromium with jupyter-nbconvert; ExportBrowser names it when missing.
    [JupyterFact]
    public void The_executed_notebooks_nbconvert_HTML_draws_every_chart_with_the_network_cut()
    {
        string executedPath = Executed.Value.Executed;
        string html = Path.Combine(Executed.Value.Folder, "page.html");
        var start = new ProcessStartInfo("jupyter-nbconvert", ["--to", "html", "--output", "page.html", "--output-dir", Executed.Value.Folder, executedPath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using (var process = Process.Start(start)!)
        {
            string log = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0 && File.Exists(html), log);
        }

        var report = ExportBrowser.Open(html);

        var notebook = JsonNode.Parse(File.ReadAllText(executedPath))!;
        Assert.Equal(CheckNotebookOutputs.PlotlyOutputs(notebook), report.Charts);
        Assert.True(report.Charts > 0, "no chart in the page");
        Assert.True(report.Undrawn.Length == 0, $"{report.Undrawn.Length} of {report.Charts} charts did not draw: {string.Join(", ", report.Undrawn)}; errors: {string.Join(" | ", report.Errors)}");
        // Allowed to fail, and only these: nbconvert's page asks for MathJax from a Debian path that may be
        // missing, and the kernel's bootstrap in the first cell asks require.js for its API from the kernel's
        // HTTP port, which is gone once the notebook has run. Neither draws anything.
        Assert.True(report.Errors.All(e => e.Contains("/usr/share/javascript/mathjax/", StringComparison.Ordinal) || e.Contains("dotnet-interactive", StringComparison.Ordinal)),
            string.Join('\n', report.Errors));
    }
}
