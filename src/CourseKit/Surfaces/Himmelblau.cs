namespace CourseKit.Surfaces;

/// <summary>
/// Himmelblau's function, f = (x² + y − 11)² + (x + y² − 7)²: four minima of value 0, one local
/// maximum and four saddles between them.
/// </summary>
/// <remarks>
/// Lesson: which minimum you reach depends on where you start, and saddles separate the basins.
/// Only the minimum (3, 2) has a closed form; the other eight points are polished by Newton's method
/// on ∇f = 0 from their textbook approximations.
/// </remarks>
public sealed class Himmelblau : Surface
{
    private readonly CriticalPoint[] _criticalPoints;

    public Himmelblau() => _criticalPoints =
    [
        Exact(3, 2, CriticalPointKind.Minimum),
        Polished(-2.805118, 3.131312, CriticalPointKind.Minimum),
        Polished(-3.779310, -3.283186, CriticalPointKind.Minimum),
        Polished(3.584428, -1.848126, CriticalPointKind.Minimum),
        Polished(-0.270845, -0.923039, CriticalPointKind.Maximum),
        Polished(0.086678, 2.884255, CriticalPointKind.Saddle),
        Polished(-3.073026, -0.081353, CriticalPointKind.Saddle),
        Polished(3.385154, 0.073852, CriticalPointKind.Saddle),
        Polished(-0.127961, -1.953715, CriticalPointKind.Saddle),
    ];

    public override string Name => "himmelblau";

    public override string Formula => "(x² + y − 11)² + (x + y² − 7)²";

    public override double Value(double x, double y)
    {
        double a = x * x + y - 11, b = x + y * y - 7;
        return a * a + b * b;
    }

    public override (double X, double Y) Gradient(double x, double y)
    {
        double a = x * x + y - 11, b = x + y * y - 7;
        return (4 * x * a + 2 * b, 2 * a + 4 * y * b);
    }

    public override Hessian2 Hessian(double x, double y)
    {
        double a = x * x + y - 11, b = x + y * y - 7;
        return new(4 * a + 8 * x * x + 2, 4 * x + 4 * y, 2 + 4 * b + 8 * y * y);
    }

    public override IReadOnlyList<CriticalPoint> CriticalPoints => _criticalPoints;

    public override PlotWindow Window => new(-5, 5, -5, 5);

    /// <summary>(−0.3, −0.9): next to the central maximum, from which each direction leads to another minimum.</summary>
    public override (double X, double Y) SuggestedStart => (-0.3, -0.9);
}
