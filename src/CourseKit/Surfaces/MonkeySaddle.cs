namespace CourseKit.Surfaces;

/// <summary>
/// The monkey saddle, f = x³ − 3xy²: three valleys (for two legs and a tail) meet three ridges at the origin.
/// </summary>
/// <remarks>
/// Lesson: a degenerate critical point. At (0, 0) both the gradient and the Hessian vanish, so the
/// second-derivative test says nothing and Newton's method has no step. Because f is homogeneous of
/// degree 3, ℍθ = 2∇f everywhere, so Newton's step from any point halves θ: it walks into the origin.
/// f is unbounded below.
/// </remarks>
public sealed class MonkeySaddle : Surface
{
    private readonly CriticalPoint[] _criticalPoints;

    public MonkeySaddle() => _criticalPoints = [Exact(0, 0, CriticalPointKind.Degenerate)];

    public override string Name => "monkey-saddle";

    public override string Formula => "x³ − 3xy²";

    public override double Value(double x, double y) => x * x * x - 3 * x * y * y;

    public override (double X, double Y) Gradient(double x, double y) => (3 * x * x - 3 * y * y, -6 * x * y);

    public override Hessian2 Hessian(double x, double y) => new(6 * x, -6 * y, -6 * x);

    public override IReadOnlyList<CriticalPoint> CriticalPoints => _criticalPoints;

    public override PlotWindow Window => new(-1.5, 1.5, -1.5, 1.5);

    /// <summary>(1.2, 0.05): on the ridge along +x, which leads down into the flat origin.</summary>
    public override (double X, double Y) SuggestedStart => (1.2, 0.05);
}
