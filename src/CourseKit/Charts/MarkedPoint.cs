namespace CourseKit.Charts;

/// <summary>
/// A point to mark on a contour or surface chart, such as a minimum, a saddle or a start point.
/// The label shows next to the marker, so say what the point is ("minimum (1, 1)").
/// </summary>
public sealed record MarkedPoint(string Label, double X, double Y);
