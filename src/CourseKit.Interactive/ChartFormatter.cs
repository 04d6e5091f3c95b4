using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace CourseKit.Interactive;

/// <summary>
/// Every Plotly.NET chart displays as the standard Plotly MIME type (the figure JSON, which VS Code's
/// Jupyter renderers and JupyterLab draw with their own bundled plotly.js, offline) plus an HTML fallback
/// for other front ends that needs no network: the first chart after <see cref="Register"/> carries
/// plotly.js (Plotly.NET's embedded copy, hidden from AMD loaders), later ones use it.
/// Plotly.NET.Interactive's own formatter loads plotly.js from a CDN through require.js instead.
/// </summary>
public static class ChartFormatter
{
    /// <summary>The MIME type Jupyter front ends render with plotly.js.</summary>
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    private static readonly Lazy<string> Library = new(ReadPlotlyJs);
    private static int libraryShown;

    /// <summary>Registers both formatters and makes them the chart's preferred MIME types, Plotly's first.</summary>
    public static void Register()
    {
        // A re-run first cell (or the next notebook in one process) starts a new page: carry plotly.js again.
        Interlocked.Exchange(ref libraryShown, 0);
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(FigureJson(chart)), PlotlyMimeType);
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(FallbackHtml(chart, Interlocked.Exchange(ref libraryShown, 1) == 0)), HtmlFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(GenericChart), PlotlyMimeType, HtmlFormatter.MimeType);
    }

    /// <summary>The figure as plotly.js takes it: <c>{"data": […], "layout": {…}, "config": {…}}</c>.</summary>
    public static string FigureJson(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var (data, layout, config) = Parts(chart);
        return new JsonObject { ["data"] = JsonNode.Parse(data), ["layout"] = JsonNode.Parse(layout), ["config"] = JsonNode.Parse(config) }.ToJsonString();
    }

    /// <summary>
    /// A div and the script that draws the chart into it with plotly.js from the page (no CDN, no
    /// require.js); with <paramref name="includeLibrary"/>, plotly.js itself comes first (about 3.6 MB).
    /// Without plotly.js on the page the div says so instead of staying blank.
    /// </summary>
    public static string FallbackHtml(GenericChart chart, bool includeLibrary)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var (data, layout, config) = Parts(chart);
        string id = "coursekit-chart-" + Guid.NewGuid().ToString("N");
        var html = new StringBuilder();
        html.Append("<div id=\"").Append(id).Append("\" class=\"coursekit-chart\"></div>\n");
        if (includeLibrary)
        {
            // The UMD bundle registers itself with an AMD loader when the page has one (Jupyter's classic
            // pages and nbconvert's do), and then sets no window.Plotly: hide define/module/exports from it.
            html.Append("<script type=\"text/javascript\">(function (define, module, exports) {\n")
                .Append(Library.Value)
                .Append("\n}).call(window);</script>\n");
        }

        // One figure part per line, as Plotly.NET writes them: coursekit export reads these lines.
        html.Append("<script type=\"text/javascript\">\n(function () {\n")
            .Append("    var data = ").Append(ScriptSafe(data)).Append(";\n")
            .Append("    var layout = ").Append(ScriptSafe(layout)).Append(";\n")
            .Append("    var config = ").Append(ScriptSafe(config)).Append(";\n")
            .Append("    var id = '").Append(id).Append("', tries = 0;\n")
            .Append("""
                    function draw() {
                        var div = document.getElementById(id);
                        if (!div) return;
                        if (window.Plotly) { Plotly.newPlot(div, data, layout, config); return; }
                        if (++tries < 100) { setTimeout(draw, 50); return; }
                        div.textContent = 'This chart needs plotly.js, which the first chart of the notebook carries: run the notebook from the top (or open it with the Jupyter renderers extension).';
                    }
                    draw();
                })();
                </script>
                """);
        return html.ToString();
    }

    private static (string Data, string Layout, string Config) Parts(GenericChart chart)
    {
        JsonNode figure = JsonNode.Parse(GenericChart.toFigureJson(chart))!;
        string config = Newtonsoft.Json.JsonConvert.SerializeObject(GenericChart.getConfig(chart));
        return (figure["data"]?.ToJsonString() ?? "[]", figure["layout"]?.ToJsonString() ?? "{}", config);
    }

    // Inside a script element only "</script" (any case) ends it early; "<\/" means the same in JS strings.
    private static string ScriptSafe(string code) => code.Replace("</", "<\\/", StringComparison.Ordinal);

    private static string ReadPlotlyJs()
    {
        var assembly = typeof(GenericChart).Assembly;
        string name = assembly.GetManifestResourceNames().Single(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        // plotly.js has "</" only inside string literals; a "</script" would end the inline element early.
        return Regex.Replace(reader.ReadToEnd(), "</(?=script)", "<\\/", RegexOptions.IgnoreCase);
    }
}
