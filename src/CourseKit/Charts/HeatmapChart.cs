using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace CourseKit.Charts;

/// <summary>
/// A heatmap: a surface seen from above, or a table of numbers such as final loss per
/// (learning rate, decay) pair in a hyperparameter sweep.
/// </summary>
public static class HeatmapChart
{
    /// <summary>A heatmap of a sampled surface.</summary>
    public static GenericChart Create(SurfaceGrid grid, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var chart = Chart.Heatmap<double, double, double, string>(
            zData: grid.Z,
            X: new Plotly.NET.CSharp.Optional<IEnumerable<double>>(grid.X, true),
            Y: new Plotly.NET.CSharp.Optional<IEnumerable<double>>(grid.Y, true),
            Name: "J(θ)",
            ColorScale: StyleParam.Colorscale.Viridis);
        return ChartStyle.WithLayout(chart, title, "θ₁", "θ₂", equalAspect: true);
    }

    /// <summary>
    /// A heatmap of a table: <paramref name="values"/>[row][column], labelled by
    /// <paramref name="rowLabels"/> (y) and <paramref name="columnLabels"/> (x).
    /// </summary>
    public static GenericChart Create(
        IReadOnlyList<IReadOnlyList<double>> values, IReadOnlyList<string> rowLabels, IReadOnlyList<string> columnLabels,
        string? title = null, string? xTitle = null, string? yTitle = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(rowLabels);
        ArgumentNullException.ThrowIfNull(columnLabels);
        if (values.Count != rowLabels.Count)
            throw new ArgumentException($"{values.Count} rows of values but {rowLabels.Count} row labels.", nameof(rowLabels));
        for (int r = 0; r < values.Count; r++)
        {
            if (values[r].Count != columnLabels.Count)
                throw new ArgumentException($"Row {r} has {values[r].Count} values but there are {columnLabels.Count} column labels.", nameof(values));
        }

        var chart = Chart.Heatmap<double, string, string, string>(
            zData: values,
            X: new Plotly.NET.CSharp.Optional<IEnumerable<string>>(columnLabels, true),
            Y: new Plotly.NET.CSharp.Optional<IEnumerable<string>>(rowLabels, true),
            ColorScale: StyleParam.Colorscale.Viridis);
        return ChartStyle.WithLayout(chart, title, xTitle, yTitle);
    }
}
