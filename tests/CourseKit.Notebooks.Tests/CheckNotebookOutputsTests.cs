using System.Text.Json.Nodes;
using CourseKit.Interactive;

namespace CourseKit.Notebooks.Tests;

/// <summary>The output checks behind kernel check and the offline tests, on hand-made notebooks.</summary>
public class CheckNotebookOutputsTests
{
    private const string Bootstrap = "<div id='dotnet-interactive-this-cell-1'></div><script>async function probeAddresses(a) {} " +
                                     "require_script.setAttribute('src', 'https://cdnjs.cloudflare.com/ajax/libs/require.js/2.3.6/require.min.js');</script>";

    private static JsonNode Notebook(params (string Id, JsonObject Data)[] outputs) => new JsonObject
    {
        ["cells"] = new JsonArray(outputs.Select(o => (JsonNode)new JsonObject
        {
            ["cell_type"] = "code",
            ["id"] = o.Id,
            ["outputs"] = new JsonArray(new JsonObject { ["output_type"] = "display_data", ["data"] = o.Data }),
        }).ToArray()),
    };

    private static JsonObject Chart(string? figure) => figure is null
        ? new JsonObject { ["text/html"] = "<div></div><script>Plotly.newPlot('x', [], {});</script>" }
        : new JsonObject { ["text/html"] = "<div></div><script>Plotly.newPlot('x', [], {});</script>", [ChartFormatter.PlotlyMimeType] = figure };

    [Fact]
    public void A_chart_with_its_figure_and_the_kernels_bootstrap_pass()
    {
        var notebook = Notebook(("setup", new JsonObject { ["text/html"] = Bootstrap }), ("chart", Chart("{\"data\":[],\"layout\":{}}")));

        Assert.Empty(CheckNotebookOutputs.Check(notebook));
        Assert.Equal(1, CheckNotebookOutputs.PlotlyOutputs(notebook));
    }

    [Fact]
    public void The_bootstrap_counts_when_it_is_not_allowed()
    {
        var finding = Assert.Single(CheckNotebookOutputs.Check(Notebook(("setup", new JsonObject { ["text/html"] = Bootstrap })), allowKernelBootstrap: false));

        Assert.Equal("setup", finding.CellId);
        Assert.Contains("cdnjs.cloudflare.com", finding.Problem);
    }

    [Theory]
    [InlineData(null, "without")]
    [InlineData("not json", "not JSON")]
    [InlineData("{\"layout\":{}}", "not a figure")]
    public void A_chart_without_a_usable_figure_is_named(string? figure, string problem)
    {
        var finding = Assert.Single(CheckNotebookOutputs.Check(Notebook(("chart", Chart(figure)))));

        Assert.Equal("chart", finding.CellId);
        Assert.Contains(problem, finding.Problem);
    }

    [Fact]
    public void A_script_from_a_CDN_in_any_other_output_is_named()
    {
        var html = new JsonObject { ["text/html"] = "<script src=\"https://cdn.plot.ly/plotly-2.28.0.min.js\"></script>" };

        var finding = Assert.Single(CheckNotebookOutputs.Check(Notebook(("other", html))));

        Assert.Contains("https://cdn.plot.ly/plotly-2.28.0.min.js", finding.Problem);
    }

    [Fact]
    public void A_link_or_a_url_in_text_is_not_a_script() =>
        Assert.Empty(CheckNotebookOutputs.NetworkScripts("<a href=\"https://example.org/\">see https://example.org/x.js</a>"));
}
