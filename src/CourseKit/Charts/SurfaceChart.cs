using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace CourseKit.Charts;

/// <summary>
/// A 3-D view of a loss surface, optionally with optimizer paths lifted onto it (z = J(θ) at each
/// point). Drag to rotate; good for seeing why a saddle point is a saddle.
/// </summary>
public static class SurfaceChart
{
    /// <summary>The surface of <paramref name="grid"/>; each path comes with its J value at every point.</summary>
    /// <param name="grid">The sampled surface.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="paths">Paths with, for each, the function value at every point (same count).</param>
    public static GenericChart Create(
        SurfaceGrid grid, string? title = null, IEnumerable<(ChartPath Path, IReadOnlyList<double> Values)>? paths = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var layers = new List<GenericChart>
        {
            Chart.Surface<double, double, double, string>(
                zData: grid.Z,
                X: new Plotly.NET.CSharp.Optional<IEnumerable<double>>(grid.X, true),
                Y: new Plotly.NET.CSharp.Optional<IEnumerable<double>>(grid.Y, true),
                Name: "J(θ)",
                ColorScale: StyleParam.Colorscale.Viridis,
                ShowScale: false),
        };
        int index = 0;
        foreach (var (path, values) in paths ?? [])
        {
            if (values.Count != path.Count)
                throw new ArgumentException($"Path '{path.Name}' has {path.Count} points but {values.Count} values.", nameof(paths));
            string color = ChartStyle.ColorAt(index++);
            layers.Add(Chart.Scatter3D<double, double, double, string>(
                x: path.X, y: path.Y, z: values,
                mode: StyleParam.Mode.Lines_Markers,
                Name: path.Name,
                LineColor: Color.fromString(color),
                MarkerColor: Color.fromString(color)));
        }

        var chart = Chart.Combine(layers);
        return Titled(chart, title);
    }

    /// <summary>
    /// <paramref name="surface"/> over its window in 3-D, with each recorded run drawn on it at
    /// height J (lifted onto the surface), named after its optimizer.
    /// </summary>
    public static GenericChart Create(Surfaces.Surface surface, IEnumerable<Trajectories.Trajectory>? runs = null, int resolution = 60)
    {
        ArgumentNullException.ThrowIfNull(surface);
        var lifted = (runs ?? []).Select(r => (ChartPath.From(r), (IReadOnlyList<double>)r.Losses));
        return Create(SurfaceGrid.Of(surface, resolution), surface.ToString(), lifted);
    }

    private static GenericChart Titled(GenericChart chart, string? title)
    {
        if (title is not null)
            chart = ChartStyle.WithLayoutKey(chart, "title", new Dictionary<string, object> { ["text"] = title });
        return ChartStyle.WithLayoutKey(chart, "scene", new Dictionary<string, object>
        {
            ["xaxis"] = new Dictionary<string, object> { ["title"] = new Dictionary<string, object> { ["text"] = "θ₁" } },
            ["yaxis"] = new Dictionary<string, object> { ["title"] = new Dictionary<string, object> { ["text"] = "θ₂" } },
            ["zaxis"] = new Dictionary<string, object> { ["title"] = new Dictionary<string, object> { ["text"] = "J(θ)" } },
        });
    }
}
