using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace CourseKit.Charts;

/// <summary>
/// Line charts of histories: loss per step, gradient norm per step, learning rate per step. Each
/// series is one line; the y axis is logarithmic by default because losses shrink by orders of
/// magnitude and a linear axis hides everything after the first few steps.
/// </summary>
public static class HistoryChart
{
    /// <summary>One line per named series; x is the step index 0, 1, 2, ….</summary>
    /// <param name="series">Name and values of each line (say ("Adam", losses)).</param>
    /// <param name="title">Chart title.</param>
    /// <param name="yTitle">What the values are ("loss", "‖g‖", "ε").</param>
    /// <param name="logY">Logarithmic y axis (values must then be positive to show).</param>
    /// <param name="xTitle">What the index counts ("step", "epoch").</param>
    public static GenericChart Create(
        IEnumerable<(string Name, IReadOnlyList<double> Values)> series,
        string? title = null, string yTitle = "loss", bool logY = true, string xTitle = "step")
    {
        ArgumentNullException.ThrowIfNull(series);
        var lines = new List<GenericChart>();
        int index = 0;
        foreach (var (name, values) in series)
        {
            ArgumentNullException.ThrowIfNull(values);
            if (logY && values.Any(v => v <= 0))
                throw new ArgumentException($"Series '{name}' has values ≤ 0, which a log axis cannot show; pass logY: false.", nameof(series));
            lines.Add(Chart.Line<int, double, string>(
                x: Enumerable.Range(0, values.Count),
                y: values,
                Name: name,
                LineColor: Color.fromString(ChartStyle.ColorAt(index++))));
        }

        if (lines.Count == 0) throw new ArgumentException("A history chart needs at least one series.", nameof(series));
        return ChartStyle.WithLayout(Chart.Combine(lines), title, xTitle, yTitle, logY: logY);
    }

    /// <summary>The loss J per step of each recorded run, one line per run named after its optimizer.</summary>
    public static GenericChart Losses(IEnumerable<Trajectories.Trajectory> runs, string? title = null, bool logY = true)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return Create(runs.Select(r => (r.Optimizer, (IReadOnlyList<double>)r.Losses)), title, "J(θ)", logY);
    }

    /// <summary>One line per named series (params form: <c>HistoryChart.Create("loss", ("SGD", a), ("Adam", b))</c>).</summary>
    public static GenericChart Create(string title, params (string Name, IReadOnlyList<double> Values)[] series) =>
        Create(series, title);
}
