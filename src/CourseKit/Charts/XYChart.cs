using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace CourseKit.Charts;

/// <summary>
/// Named series of (x, y) points, as lines or as markers: accuracy against wall time, validation
/// loss against ε, anything whose x is not simply the step index (for that, see <see cref="HistoryChart"/>).
/// </summary>
public static class XYChart
{
    public static GenericChart Create(
        IEnumerable<(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)> series,
        string? title = null, string xTitle = "x", string yTitle = "y", bool logX = false, bool logY = false, bool markersOnly = false,
        Func<string, string>? colorOf = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        var traces = new List<GenericChart>();
        int index = 0;
        foreach (var (name, x, y) in series)
        {
            if (x.Count != y.Count) throw new ArgumentException($"Series '{name}' has {x.Count} x values but {y.Count} y values.", nameof(series));
            // colorOf keeps a series' colour across charts whichever series a chart leaves out.
            var color = Color.fromString(colorOf?.Invoke(name) ?? ChartStyle.ColorAt(index));
            index++;
            traces.Add(markersOnly
                ? Chart.Point<double, double, string>(x: x, y: y, Name: name, MarkerColor: color)
                : Chart.Line<double, double, string>(x: x, y: y, Name: name, ShowMarkers: true, LineColor: color, MarkerColor: color));
        }

        if (traces.Count == 0) throw new ArgumentException("An XY chart needs at least one series.", nameof(series));
        return ChartStyle.WithLayout(Chart.Combine(traces), title, xTitle, yTitle, logX, logY);
    }
}
