using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace CourseKit.Charts;

/// <summary>
/// The course's main picture: contour lines of a loss surface with one or more optimizer paths
/// drawn on top and the critical points marked. Axes share one scale so a round bowl looks round.
/// </summary>
public static class ContourChart
{
    /// <summary>Contours of <paramref name="grid"/>, each path as a line with markers, each point as a labelled ×.</summary>
    /// <param name="grid">The sampled surface (use <see cref="SurfaceGrid.LogScaled"/> for steep valleys).</param>
    /// <param name="paths">Optimizer paths, drawn in order with distinct colours.</param>
    /// <param name="points">Points to mark (minima, saddles).</param>
    /// <param name="title">Chart title.</param>
    public static GenericChart Create(
        SurfaceGrid grid, IEnumerable<ChartPath>? paths = null, IEnumerable<MarkedPoint>? points = null, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var layers = new List<GenericChart> { Contours(grid) };
        int index = 0;
        foreach (ChartPath path in paths ?? []) layers.Add(PathTrace(path, ChartStyle.ColorAt(index++)));
        var marked = (points ?? []).ToList();
        if (marked.Count > 0) layers.Add(PointsTrace(marked));
        return ChartStyle.WithLayout(Chart.Combine(layers), title, "θ₁", "θ₂", equalAspect: true);
    }

    /// <summary>Contours with paths (params form: <c>ContourChart.Create(grid, path1, path2)</c>).</summary>
    public static GenericChart Create(SurfaceGrid grid, params ChartPath[] paths) => Create(grid, paths, null, null);

    /// <summary>
    /// Contours of <paramref name="surface"/> over its window, its critical points marked and the
    /// paths drawn; contour levels are log-spaced (see <see cref="SurfaceGrid.LogScaled"/>) unless
    /// <paramref name="logLevels"/> is false, so valleys like Rosenbrock's show their floor.
    /// </summary>
    public static GenericChart Create(Surfaces.Surface surface, IEnumerable<ChartPath>? paths = null, bool logLevels = true, int resolution = 80)
    {
        ArgumentNullException.ThrowIfNull(surface);
        var grid = SurfaceGrid.Of(surface, resolution);
        return Create(logLevels ? grid.LogScaled() : grid, paths, MarkedPoint.CriticalPointsOf(surface), surface.ToString());
    }

    /// <summary>Contours of a surface with paths (params form: <c>ContourChart.Create(surface, path1, path2)</c>).</summary>
    public static GenericChart Create(Surfaces.Surface surface, params ChartPath[] paths) => Create(surface, paths, true);

    internal static GenericChart Contours(SurfaceGrid grid) =>
        Chart.Contour<double, double, double, string>(
            zData: grid.Z,
            X: new Plotly.NET.CSharp.Optional<IEnumerable<double>>(grid.X, true),
            Y: new Plotly.NET.CSharp.Optional<IEnumerable<double>>(grid.Y, true),
            Name: "J(θ)",
            ShowLegend: false,
            ShowScale: false,
            NContours: 30,
            ColorScale: StyleParam.Colorscale.Viridis);

    internal static GenericChart PathTrace(ChartPath path, string color) =>
        Chart.Line<double, double, string>(
            x: path.X,
            y: path.Y,
            ShowMarkers: true,
            Name: path.Name,
            LineColor: Color.fromString(color),
            MarkerColor: Color.fromString(color));

    // White × with a dark outline and white labels: minima sit in the darkest contours.
    internal static GenericChart PointsTrace(IReadOnlyList<MarkedPoint> points)
    {
        var chart = Chart.Point<double, double, string>(
            x: points.Select(p => p.X),
            y: points.Select(p => p.Y),
            Name: "critical points",
            MultiText: points.Select(p => p.Label).ToArray(),
            TextPosition: StyleParam.TextPosition.TopCenter);
        ChartStyle.SetOnTraces(chart, "marker", new Dictionary<string, object>
        {
            ["symbol"] = "x",
            ["size"] = 10,
            ["color"] = "white",
            ["line"] = new Dictionary<string, object> { ["color"] = "black", ["width"] = 1 },
        });
        return ChartStyle.SetOnTraces(chart, "textfont", new Dictionary<string, object> { ["color"] = "white", ["size"] = 13 });
    }
}
