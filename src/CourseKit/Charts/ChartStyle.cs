using Plotly.NET;

namespace CourseKit.Charts;

/// <summary>
/// Layout plumbing shared by the chart helpers. Plotly.NET's F# layout functions take
/// FSharpOption arguments that C# must fill with nulls; setting the few plotly.js layout keys
/// the course uses directly keeps the helpers short and the JSON exactly as plotly documents it.
/// </summary>
internal static class ChartStyle
{
    /// <summary>plotly.js's default colour cycle, so a path keeps its colour across charts.</summary>
    public static readonly string[] Palette =
    [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ];

    public static string ColorAt(int index) => Palette[index % Palette.Length];

    public static GenericChart WithLayout(
        GenericChart chart, string? title, string? xTitle, string? yTitle,
        bool logX = false, bool logY = false, bool equalAspect = false)
    {
        var layout = new Layout();
        if (title is not null) layout.SetProperty("title", new Dictionary<string, object> { ["text"] = title });
        layout.SetProperty("xaxis", Axis(xTitle, logX, null));
        layout.SetProperty("yaxis", Axis(yTitle, logY, equalAspect ? "x" : null));
        return GenericChart.addLayout(layout, chart);
    }

    public static GenericChart WithLayoutKey(GenericChart chart, string key, object value)
    {
        var layout = new Layout();
        layout.SetProperty(key, value);
        return GenericChart.addLayout(layout, chart);
    }

    private static Dictionary<string, object> Axis(string? title, bool log, string? scaleAnchor)
    {
        var axis = new Dictionary<string, object>();
        if (title is not null) axis["title"] = new Dictionary<string, object> { ["text"] = title };
        if (log) axis["type"] = "log";
        if (scaleAnchor is not null)
        {
            axis["scaleanchor"] = scaleAnchor;
            axis["scaleratio"] = 1;
        }

        return axis;
    }

    /// <summary>Sets a plotly.js trace attribute on every trace of a chart built here.</summary>
    public static GenericChart SetOnTraces(GenericChart chart, string key, object value)
    {
        foreach (Trace trace in GenericChart.getTraces(chart)) trace.SetProperty(key, value);
        return chart;
    }
}
