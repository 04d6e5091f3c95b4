using Plotly.NET;

namespace CourseKit.Charts;

/// <summary>
/// Charts as HTML files that draw anywhere, offline included: plotly.js (about 3.6 MB) is written
/// into the file instead of being loaded from a CDN, so the page works on a plane, in CI and in a
/// slide deck.
/// </summary>
public static class ChartHtml
{
    /// <summary>A complete HTML page with plotly.js inlined.</summary>
    public static string ToSelfContainedHtml(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var options = DisplayOptions.setPlotlyReference(PlotlyJSReference.Full).Invoke(GenericChart.getDisplayOptions(chart));
        string html = GenericChart.toEmbeddedHTML(GenericChart.setDisplayOptions(options, chart));
        // Plotly.NET writes its charset tag after the inlined plotly.js; browsers only look for it in
        // the first 1024 bytes, so without this one "−" and "θ" can come out as mojibake.
        int head = html.IndexOf("<head>", StringComparison.OrdinalIgnoreCase);
        return head < 0 ? html : html.Insert(head + "<head>".Length, "<meta charset=\"utf-8\">");
    }

    /// <summary>Writes <see cref="ToSelfContainedHtml"/> to <paramref name="path"/> (folders are created).</summary>
    public static void Save(GenericChart chart, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        File.WriteAllText(path, ToSelfContainedHtml(chart));
    }

    /// <summary>The chart's plotly.js figure as JSON (data and layout), for tests and exports.</summary>
    public static string ToJson(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return GenericChart.toFigureJson(chart);
    }
}
