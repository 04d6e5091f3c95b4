using System.Text.Json.Nodes;
using CourseKit.Charts;
using CourseKit.Interactive;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace CourseKit.Notebooks.Tests;

/// <summary>The kernel side of the kit: chart and frame formatters, and the stock-kernel check.</summary>
public class NotebookKitTests
{
    private static GenericChart Contour() =>
        ContourChart.Create(SurfaceGrid.Sample((x, y) => x * x + 3 * y * y, -2, 2, -2, 2, resolution: 7),
            new ChartPath("descent", [1.5, 0.4, 0.1], [1.5, 0.1, 0.0]));

    [Fact]
    public void The_figure_json_is_the_charts_data_layout_and_config()
    {
        var chart = Contour();
        var figure = JsonNode.Parse(ChartFormatter.FigureJson(chart))!;
        var plotlyNet = JsonNode.Parse(ChartHtml.ToJson(chart))!;

        Assert.True(JsonNode.DeepEquals(plotlyNet["data"], figure["data"]));
        Assert.True(JsonNode.DeepEquals(plotlyNet["layout"], figure["layout"]));
        Assert.IsType<JsonObject>(figure["config"]);
        Assert.Equal(2, figure["data"]!.AsArray().Count);
    }

    [Fact]
    public void The_html_fallback_loads_no_script_over_the_network_and_the_first_carries_plotly_js()
    {
        var chart = Contour();
        string first = ChartFormatter.FallbackHtml(chart, includeLibrary: true);
        string later = ChartFormatter.FallbackHtml(chart, includeLibrary: false);

        Assert.Empty(CheckNotebookOutputs.NetworkScripts(first));
        Assert.Empty(CheckNotebookOutputs.NetworkScripts(later));
        Assert.Contains("Plotly.newPlot", later);
        Assert.True(first.Length > later.Length + 3_000_000, "plotly.js (about 3.6 MB) is inlined into the first chart");
        int library = first.IndexOf("<script", StringComparison.Ordinal), libraryEnd = first.IndexOf("}).call(window);</script>", StringComparison.Ordinal);
        Assert.DoesNotContain("</script", first[library..libraryEnd], StringComparison.OrdinalIgnoreCase);
        // coursekit export reads the figure back from one line per part.
        Assert.Matches(@"(?m)^\s*var data = \[.*\];$", later);
        Assert.Matches(@"(?m)^\s*var layout = \{.*\};$", later);
    }

    [Fact]
    public void The_network_check_catches_Plotly_NETs_CDN_and_require_js_chart_html()
    {
        // What Plotly.NET.Interactive displays: plotly.js from its CDN through require.js (itself from cdnjs).
        var require = DisplayOptions.setPlotlyReference(PlotlyJSReference.NewRequire("https://cdn.plot.ly/plotly-2.28.0.min"))
            .Invoke(GenericChart.getDisplayOptions(Contour()));
        string viaRequire = GenericChart.toChartHTML(GenericChart.setDisplayOptions(require, Contour()));
        // Plotly.NET's default page: a script element from the CDN.
        string page = GenericChart.toEmbeddedHTML(Contour());

        Assert.True(CheckNotebookOutputs.NetworkScripts(viaRequire).Count == 2, viaRequire[..Math.Min(3000, viaRequire.Length)]);
        Assert.Contains(CheckNotebookOutputs.NetworkScripts(page), url => url.StartsWith("https://cdn.plot.ly/", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_makes_charts_display_as_the_Plotly_MIME_type_first_and_frames_as_tables()
    {
        try
        {
            Formatter.ResetToDefault();
            NotebookKit.Load();
            var chart = Contour();

            Assert.Equal([ChartFormatter.PlotlyMimeType, HtmlFormatter.MimeType], Formatter.GetPreferredMimeTypesFor(chart.GetType()).Take(2));
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ChartFormatter.FigureJson(chart)), JsonNode.Parse(chart.ToDisplayString(ChartFormatter.PlotlyMimeType))));
            string firstHtml = chart.ToDisplayString(HtmlFormatter.MimeType);
            string secondHtml = chart.ToDisplayString(HtmlFormatter.MimeType);
            Assert.True(firstHtml.Length > 3_000_000 && secondHtml.Length < 100_000, "only the first chart after Load carries plotly.js");

            var frame = Deedle.Frame.FromColumns(new Dictionary<string, Deedle.Series<int, double>> { ["loss"] = new([0, 1], [1.0, 0.5]) });
            Assert.Contains("coursekit-frame", frame.ToDisplayString(HtmlFormatter.MimeType));
        }
        finally
        {
            Formatter.ResetToDefault();
        }
    }

    [Theory]
    [InlineData(10, 0, false)]
    [InlineData(10, 1, true)]
    [InlineData(11, 0, true)]
    public void A_kernel_is_supported_from_FSharp_Core_10_1(int major, int minor, bool supported) =>
        Assert.Equal(supported, KernelCompatibility.IsSupported(new Version(major, minor, 0, 0)));

    [Fact]
    public void The_stock_kernel_message_is_one_sentence_naming_the_fix()
    {
        string message = KernelCompatibility.StockKernelMessage(new Version(10, 0, 0, 0));

        Assert.Contains("`dotnet run --project src/CourseKit.Cli -- kernel install`", message);
        Assert.Contains("10.0.0.0", message);
        Assert.Single(message.Split(". ", StringSplitOptions.RemoveEmptyEntries));
        Assert.EndsWith(".", message);
        Assert.Equal(message, new StockKernelException(message).ToString());
    }

    [Fact]
    public void This_test_host_binds_a_supported_FSharp_Core() =>
        Assert.True(KernelCompatibility.IsSupported(KernelCompatibility.BoundFSharpCore()!));
}
