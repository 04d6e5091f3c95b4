namespace CourseKit.Surfaces;

/// <summary>
/// A narrow well in a wide plateau: f = 1 − exp(−(x² + y²)), minimum 0 at the origin, f → 1 far away.
/// </summary>
/// <remarks>
/// Lesson: flat regions. ‖∇f‖ = 2r·exp(−r²) at distance r from the centre: about 0.86 at r = 0.7 but
/// 3·10⁻⁴ at <see cref="SuggestedStart"/> (r ≈ 3.2), so plain SGD barely moves there, while methods that
/// divide by the gradient's own scale (RMSProp, Adam) take full-sized steps and find the well.
/// </remarks>
public sealed class Plateau : Surface
{
    private readonly CriticalPoint[] _criticalPoints;

    public Plateau() => _criticalPoints = [Exact(0, 0, CriticalPointKind.Minimum)];

    public override string Name => "plateau";

    public override string Formula => "1 − exp(−(x² + y²))";

    public override double Value(double x, double y) => 1 - Math.Exp(-(x * x + y * y));

    public override (double X, double Y) Gradient(double x, double y)
    {
        double e = Math.Exp(-(x * x + y * y));
        return (2 * x * e, 2 * y * e);
    }

    public override Hessian2 Hessian(double x, double y)
    {
        double e = Math.Exp(-(x * x + y * y));
        return new((2 - 4 * x * x) * e, -4 * x * y * e, (2 - 4 * y * y) * e);
    }

    public override IReadOnlyList<CriticalPoint> CriticalPoints => _criticalPoints;

    public override PlotWindow Window => new(-4, 4, -4, 4);

    /// <summary>(3, 1): out on the plateau, where ‖∇f‖ ≈ 3·10⁻⁴.</summary>
    public override (double X, double Y) SuggestedStart => (3, 1);
}
