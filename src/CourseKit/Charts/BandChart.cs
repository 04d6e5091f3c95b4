using System.Globalization;
using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace CourseKit.Charts;

/// <summary>
/// Curves with their spread: for each series a mean line and a shaded band from the lowest to the
/// highest run (say, over seeds), so a student sees both the trend and how much it varies.
/// </summary>
public static class BandChart
{
    /// <param name="series">Per series: its name and its runs, each a list of values at x = 0, 1, 2, …</param>
    /// <param name="title">Chart title.</param>
    /// <param name="xTitle">What x counts (say "epoch").</param>
    /// <param name="yTitle">What the values are.</param>
    /// <param name="logY">Logarithmic y axis.</param>
    /// <param name="colorOf">A series' colour (as "#rrggbb") by its name, to keep it across charts; by default the palette in order.</param>
    public static GenericChart Create(
        IEnumerable<(string Name, IReadOnlyList<IReadOnlyList<double>> Runs)> series,
        string? title = null, string xTitle = "epoch", string yTitle = "loss", bool logY = true, Func<string, string>? colorOf = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        var traces = new List<GenericChart>();
        int index = 0;
        foreach (var (name, runs) in series)
        {
            if (runs.Count == 0) continue;
            int length = runs.Min(r => r.Count);
            double[] x = Enumerable.Range(0, length).Select(i => (double)i).ToArray();
            double[] mean = x.Select((_, i) => runs.Average(r => r[i])).ToArray();
            double[] low = x.Select((_, i) => runs.Min(r => r[i])).ToArray();
            double[] high = x.Select((_, i) => runs.Max(r => r[i])).ToArray();
            string color = colorOf?.Invoke(name) ?? ChartStyle.ColorAt(index);
            index++;

            // Band: the upper edge invisible, the lower edge filled up to it ("tonexty").
            var upper = Chart.Line<double, double, string>(x: x, y: high, Name: name + " max", ShowLegend: false, LineColor: Color.fromString(color));
            ChartStyle.SetOnTraces(upper, "line", new Dictionary<string, object> { ["width"] = 0 });
            var lower = Chart.Line<double, double, string>(x: x, y: low, Name: name + " min", ShowLegend: false, LineColor: Color.fromString(color));
            ChartStyle.SetOnTraces(lower, "line", new Dictionary<string, object> { ["width"] = 0 });
            ChartStyle.SetOnTraces(lower, "fill", "tonexty");
            ChartStyle.SetOnTraces(lower, "fillcolor", Translucent(color));
            traces.Add(upper);
            traces.Add(lower);
            traces.Add(Chart.Line<double, double, string>(x: x, y: mean, Name: name, LineColor: Color.fromString(color)));
        }

        if (traces.Count == 0) throw new ArgumentException("A band chart needs at least one series with runs.", nameof(series));
        return ChartStyle.WithLayout(Chart.Combine(traces), title, xTitle, yTitle, logY: logY);
    }

    private static string Translucent(string hex)
    {
        int r = int.Parse(hex.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        int g = int.Parse(hex.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        int b = int.Parse(hex.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return $"rgba({r},{g},{b},0.2)";
    }
}
