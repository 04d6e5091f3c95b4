namespace CourseKit.Surfaces;

/// <summary>
/// Rosenbrock's banana valley, f = (1−x)² + 100(y−x²)², minimum 0 at (1, 1).
/// </summary>
/// <remarks>
/// Lesson: the valley floor y = x² is easy to reach and hard to follow. Across it the surface curves
/// ~1000× more than along it (κ(ℍ) ≈ 2500 at the minimum), so plain SGD either zig-zags across the
/// valley or crawls along it; momentum and adaptive rates do much better.
/// </remarks>
public sealed class Rosenbrock : Surface
{
    private readonly CriticalPoint[] _criticalPoints;

    public Rosenbrock() => _criticalPoints = [Exact(1, 1, CriticalPointKind.Minimum)];

    public override string Name => "rosenbrock";

    public override string Formula => "(1−x)² + 100(y−x²)²";

    public override double Value(double x, double y)
    {
        double a = 1 - x, b = y - x * x;
        return a * a + 100 * b * b;
    }

    public override (double X, double Y) Gradient(double x, double y)
    {
        double b = y - x * x;
        return (-2 * (1 - x) - 400 * x * b, 200 * b);
    }

    public override Hessian2 Hessian(double x, double y) => new(2 - 400 * y + 1200 * x * x, -400 * x, 200);

    public override IReadOnlyList<CriticalPoint> CriticalPoints => _criticalPoints;

    public override PlotWindow Window => new(-2, 2, -1, 3);

    /// <summary>(−1.2, 1), the classic start on the far side of the valley.</summary>
    public override (double X, double Y) SuggestedStart => (-1.2, 1);
}
