using System.Globalization;
using CourseKit.Optimizers;

namespace CourseKit.Surfaces;

/// <summary>
/// An elongated bowl, f = ½(x² + κy²), minimum 0 at the origin; ℍ = diag(1, κ), so κ is its condition number.
/// </summary>
/// <remarks>
/// Lesson: ill-conditioning. SGD is stable only for ε &lt; 2/κ (set by the steep y direction), and at
/// such ε the flat x direction shrinks only by (1 − ε) per step: with ε near 2/κ the path zig-zags
/// across the ravine while creeping along it. Newton's method (ℍ⁻¹∇f = θ) lands on the minimum in one step.
/// Spec: <c>quadratic</c> (κ = 10) or <c>quadratic:KAPPA</c>.
/// </remarks>
public sealed class Quadratic : Surface
{
    /// <summary>κ used by the spec <c>quadratic</c>.</summary>
    public const double DefaultKappa = 10;

    private readonly CriticalPoint[] _criticalPoints;

    /// <param name="kappa">κ &gt; 0, the curvature along y (the curvature along x is 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">κ is not a finite number &gt; 0.</exception>
    public Quadratic(double kappa = DefaultKappa)
    {
        Kappa = Hyperparameter.Positive(kappa, nameof(kappa));
        _criticalPoints = [Exact(0, 0, CriticalPointKind.Minimum)];
    }

    /// <summary>κ, the ratio of the two curvatures.</summary>
    public double Kappa { get; }

    public override string Name => Kappa == DefaultKappa ? "quadratic" : "quadratic:" + Kappa.ToString("R", CultureInfo.InvariantCulture);

    public override string Formula => "½(x² + " + Kappa.ToString("G6", CultureInfo.InvariantCulture) + "y²)";

    public override double Value(double x, double y) => 0.5 * (x * x + Kappa * y * y);

    public override (double X, double Y) Gradient(double x, double y) => (x, Kappa * y);

    public override Hessian2 Hessian(double x, double y) => new(1, 0, Kappa);

    public override IReadOnlyList<CriticalPoint> CriticalPoints => _criticalPoints;

    public override PlotWindow Window => new(-10, 10, -4, 4);

    /// <summary>(−9, 2): far along the ravine and up one of its walls.</summary>
    public override (double X, double Y) SuggestedStart => (-9, 2);
}
