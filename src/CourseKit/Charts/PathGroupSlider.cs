using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace CourseKit.Charts;

/// <summary>
/// Contours with a slider whose every step shows a group of paths, for "compare two optimizers at
/// each α" questions (momentum against Nesterov at α = 0.5, 0.9, 0.99). Within a group the paths keep
/// the same colours from step to step, so "blue is momentum" holds while the slider moves.
/// </summary>
public static class PathGroupSlider
{
    /// <param name="grid">The sampled surface (log-scale it for steep valleys).</param>
    /// <param name="groups">A slider label (say "0.9") and the paths that step shows.</param>
    /// <param name="points">Points to mark at every step (minima, saddles).</param>
    /// <param name="title">Chart title.</param>
    /// <param name="prefix">Text before the current label, e.g. "α = ".</param>
    public static GenericChart Create(
        SurfaceGrid grid, IReadOnlyList<(string Label, IReadOnlyList<ChartPath> Paths)> groups,
        IEnumerable<MarkedPoint>? points = null, string? title = null, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(groups);
        var layers = new List<GenericChart> { ContourChart.Contours(grid) };
        var marked = (points ?? []).ToList();
        if (marked.Count > 0) layers.Add(ContourChart.PointsTrace(marked));
        var steps = groups
            .Select(g => (g.Label, Chart.Combine(g.Paths.Select((p, i) => ContourChart.PathTrace(p, ChartStyle.ColorAt(i))))))
            .ToList();
        return ChartStyle.WithLayout(SliderChart.Create(GenericChart.combine(layers), steps, prefix), title, "θ₁", "θ₂", equalAspect: true);
    }
}
