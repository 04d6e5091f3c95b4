using System.Globalization;
using CourseKit.Surfaces;

namespace CourseKit.Charts;

/// <summary>
/// A point to mark on a contour or surface chart, such as a minimum, a saddle or a start point.
/// The label shows next to the marker, so say what the point is ("minimum (1, 1)").
/// </summary>
public sealed record MarkedPoint(string Label, double X, double Y)
{
    /// <summary>The surface's critical points, labelled by kind and position ("saddle (0, 0)").</summary>
    public static IReadOnlyList<MarkedPoint> CriticalPointsOf(Surface surface)
    {
        ArgumentNullException.ThrowIfNull(surface);
        return surface.CriticalPoints
            .Select(p => new MarkedPoint($"{p.Kind.ToString().ToLowerInvariant()} ({Round(p.X)}, {Round(p.Y)})", p.X, p.Y))
            .ToList();
    }

    private static string Round(double v) => Math.Round(v, 2).ToString(CultureInfo.InvariantCulture);
}
