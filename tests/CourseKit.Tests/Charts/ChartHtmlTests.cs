using CourseKit.Charts;

namespace CourseKit.Tests.Charts;

public class ChartHtmlTests
{
    [Fact]
    public void Saved_html_inlines_plotly_js_and_loads_nothing_from_a_cdn()
    {
        var chart = HistoryChart.Create("loss", ("SGD", [1.0, 0.5, 0.25]));
        string path = Path.Combine(Path.GetTempPath(), $"coursekit-chart-{Guid.NewGuid():N}", "loss.html");
        try
        {
            ChartHtml.Save(chart, path);
            string html = File.ReadAllText(path);

            Assert.True(html.Length > 1_000_000, $"plotly.js should be inlined, but the page is only {html.Length} characters.");
            Assert.Contains("plotly.js v2.28.0", html);
            Assert.DoesNotMatch("src=[\"']?(https?:)?//", html);
            Assert.DoesNotContain("require.config", html);
            Assert.Contains("Plotly.newPlot", html);
            Assert.Contains("\"SGD\"", html);
            int charset = html.IndexOf("charset", StringComparison.OrdinalIgnoreCase);
            Assert.InRange(charset, 0, 1023); // browsers only look for it in the first 1024 bytes
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
