namespace CourseKit.Surfaces;

/// <summary>
/// The horse saddle, f = x² − y²: up along x, down along y, a saddle point at the origin.
/// </summary>
/// <remarks>
/// Lesson: the gradient vanishes at (0, 0) although it is no minimum. Started on the ridge y ≈ 0,
/// gradient descent slides to the saddle and only slowly leaves it (|y| grows by (1 + 2ε) per step);
/// Newton's method jumps straight into it; saddle-free Newton runs away from it. f is unbounded below.
/// </remarks>
public sealed class Saddle : Surface
{
    private readonly CriticalPoint[] _criticalPoints;

    public Saddle() => _criticalPoints = [Exact(0, 0, CriticalPointKind.Saddle)];

    public override string Name => "saddle";

    public override string Formula => "x² − y²";

    public override double Value(double x, double y) => x * x - y * y;

    public override (double X, double Y) Gradient(double x, double y) => (2 * x, -2 * y);

    public override Hessian2 Hessian(double x, double y) => new(2, 0, -2);

    public override IReadOnlyList<CriticalPoint> CriticalPoints => _criticalPoints;

    /// <summary>(−1.5, 0.01): almost on the ridge, so the path first heads for the saddle.</summary>
    public override (double X, double Y) SuggestedStart => (-1.5, 0.01);
}
