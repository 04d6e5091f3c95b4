using Plotly.NET;

namespace CourseKit.Charts;

/// <summary>
/// A chart with a slider that switches between precomputed pictures, for "vary α" or "vary ε"
/// questions. Every step's traces are in the chart from the start and the slider only toggles
/// which are visible: plotly animation frames do not play in VS Code notebooks, this does.
/// </summary>
public static class SliderChart
{
    /// <summary>
    /// A slider over <paramref name="steps"/>: the <paramref name="background"/> (say a contour)
    /// stays visible, and each step shows its own chart's traces only.
    /// </summary>
    /// <param name="background">Traces shown at every step, or null.</param>
    /// <param name="steps">A label (say "α = 0.1") and the chart that step shows.</param>
    /// <param name="prefix">Text before the current label ("α = " is typical when labels are bare numbers).</param>
    public static GenericChart Create(GenericChart? background, IReadOnlyList<(string Label, GenericChart Chart)> steps, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count == 0) throw new ArgumentException("A slider needs at least one step.", nameof(steps));

        int fixedCount = background is null ? 0 : GenericChart.getTraces(background).Length;
        var counts = steps.Select(s => GenericChart.getTraces(s.Chart).Length).ToArray();
        int total = fixedCount + counts.Sum();

        var charts = new List<GenericChart>();
        if (background is not null) charts.Add(background);
        for (int s = 0; s < steps.Count; s++)
            charts.Add(ChartStyle.SetOnTraces(steps[s].Chart, "visible", s == 0));

        var sliderSteps = new List<Dictionary<string, object>>();
        int offset = fixedCount;
        for (int s = 0; s < steps.Count; s++)
        {
            var visible = new bool[total];
            for (int i = 0; i < fixedCount; i++) visible[i] = true;
            for (int i = 0; i < counts[s]; i++) visible[offset + i] = true;
            offset += counts[s];
            sliderSteps.Add(new Dictionary<string, object>
            {
                ["label"] = steps[s].Label,
                ["method"] = "restyle",
                ["args"] = new object[] { new Dictionary<string, object> { ["visible"] = visible } },
            });
        }

        var slider = new Dictionary<string, object>
        {
            ["active"] = 0,
            ["currentvalue"] = new Dictionary<string, object> { ["prefix"] = prefix },
            ["pad"] = new Dictionary<string, object> { ["t"] = 40 },
            ["steps"] = sliderSteps,
        };
        return ChartStyle.WithLayoutKey(GenericChart.combine(charts), "sliders", new[] { slider });
    }

    /// <summary>
    /// Contours of <paramref name="grid"/> with a slider over paths: step i shows path i, labelled
    /// by its name (name paths "α = 0.01", "α = 0.1", …).
    /// </summary>
    public static GenericChart Paths(
        SurfaceGrid grid, IReadOnlyList<ChartPath> paths, IEnumerable<MarkedPoint>? points = null, string? title = null, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(paths);
        var layers = new List<GenericChart> { ContourChart.Contours(grid) };
        var marked = (points ?? []).ToList();
        if (marked.Count > 0) layers.Add(ContourChart.PointsTrace(marked));
        var background = GenericChart.combine(layers);
        var steps = paths.Select((p, i) => (p.Name, ContourChart.PathTrace(p, ChartStyle.ColorAt(i)))).ToList();
        return ChartStyle.WithLayout(Create(background, steps, prefix), title, "θ₁", "θ₂", equalAspect: true);
    }
}
