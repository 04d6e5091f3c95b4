using CourseKit.Surfaces;
using CourseKit.Trajectories;
using Plotly.NET;

namespace CourseKit.Charts;

/// <summary>
/// One call from a surface and the paths run on it to the course's main picture: contours, the
/// paths, and the surface's critical points. Steep surfaces (Rosenbrock, Beale) get log-scaled contours.
/// </summary>
public static class PathChart
{
    /// <summary>
    /// Contours of <paramref name="surface"/> over its window, grown to show every path (up to three
    /// times the window, so one diverging path cannot shrink the rest to a dot), with the paths on top.
    /// </summary>
    public static GenericChart Create(Surface surface, IEnumerable<Trajectory> paths, string? title = null, int resolution = 120)
    {
        ArgumentNullException.ThrowIfNull(surface);
        ArgumentNullException.ThrowIfNull(paths);
        var list = paths.ToList();
        PlotWindow w = Enclosing(surface.Window, list);
        var grid = SurfaceGrid.Sample(surface.Value, w.XMin, w.XMax, w.YMin, w.YMax, resolution);
        if (IsSteep(grid)) grid = grid.LogScaled();
        var points = surface.CriticalPoints
            .Where(p => w.Contains(p.X, p.Y))
            .Select(p => new MarkedPoint(p.Kind.ToString().ToLowerInvariant(), p.X, p.Y));
        var chartPaths = list.Select(t => new ChartPath(t.Optimizer, t.Xs, t.Ys));
        return ContourChart.Create(grid, chartPaths, points, title ?? $"{surface.Name}: f(x, y) = {surface.Formula}");
    }

    /// <summary>The same for a single path.</summary>
    public static GenericChart Create(Surface surface, Trajectory path, string? title = null) => Create(surface, [path], title);

    private static PlotWindow Enclosing(PlotWindow window, IReadOnlyList<Trajectory> paths)
    {
        double xMin = window.XMin, xMax = window.XMax, yMin = window.YMin, yMax = window.YMax;
        foreach (var p in paths.SelectMany(t => t.Points))
        {
            xMin = Math.Min(xMin, p.X);
            xMax = Math.Max(xMax, p.X);
            yMin = Math.Min(yMin, p.Y);
            yMax = Math.Max(yMax, p.Y);
        }

        double padX = 0.05 * (xMax - xMin), padY = 0.05 * (yMax - yMin);
        return new PlotWindow(
            Math.Max(xMin - padX, window.XMin - window.Width), Math.Min(xMax + padX, window.XMax + window.Width),
            Math.Max(yMin - padY, window.YMin - window.Height), Math.Min(yMax + padY, window.YMax + window.Height));
    }

    // Contours of a surface whose range dwarfs its typical value bunch into one blob; log spacing spreads them.
    private static bool IsSteep(SurfaceGrid grid)
    {
        double[] z = grid.Z.SelectMany(row => row).Order().ToArray();
        double min = z[0], median = z[z.Length / 2], max = z[^1];
        return max - min > 10 * (median - min);
    }
}
