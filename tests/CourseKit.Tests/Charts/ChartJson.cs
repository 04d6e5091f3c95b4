using System.Text.Json;
using CourseKit.Charts;
using Plotly.NET;

namespace CourseKit.Tests.Charts;

/// <summary>Reads a chart back as the plotly.js figure the browser receives.</summary>
internal static class ChartJson
{
    public static JsonElement Figure(GenericChart chart) => JsonDocument.Parse(ChartHtml.ToJson(chart)).RootElement;

    public static JsonElement[] Traces(GenericChart chart) => Figure(chart).GetProperty("data").EnumerateArray().ToArray();

    public static JsonElement Layout(GenericChart chart) => Figure(chart).GetProperty("layout");

    public static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();
}
