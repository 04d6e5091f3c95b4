using System.Globalization;
using CourseKit.Optimizers;

namespace CourseKit.Surfaces;

/// <summary>
/// An elongated bowl, f = ½(u² + κv²), minimum 0 at the origin, where (u, v) are (x, y) turned by −φ:
/// u = x cos φ + y sin φ runs along the ravine's floor and v = −x sin φ + y cos φ across it. At φ = 0
/// (the default) u = x, v = y and ℍ = diag(1, κ); at any φ ℍ = R diag(1, κ) Rᵀ has eigenvalues 1 and κ,
/// so κ is its condition number.
/// </summary>
/// <remarks>
/// Lesson: ill-conditioning. SGD is stable only for ε &lt; 2/κ (set by the steep direction), and at
/// such ε the flat direction shrinks only by (1 − ε) per step: with ε near 2/κ the path zig-zags
/// across the ravine while creeping along it. Newton's method (ℍ⁻¹∇f = θ) lands on the minimum in one step.
/// The angle φ is the second lesson: SGD, momentum and Newton do not care about it (they are
/// rotation-invariant), but the adaptive methods (AdaGrad, RMSProp, Adam) scale each coordinate
/// separately, which undoes the ravine only when its axes are the coordinate axes.
/// Spec: <c>quadratic</c> (κ = 10), <c>quadratic:KAPPA</c> or <c>quadratic:KAPPA:ANGLE</c> (φ in degrees).
/// </remarks>
public sealed class Quadratic : Surface
{
    /// <summary>κ used by the spec <c>quadratic</c>.</summary>
    public const double DefaultKappa = 10;

    private readonly CriticalPoint[] _criticalPoints;
    private readonly double _cos, _sin;
    private readonly Hessian2 _hessian;

    /// <param name="kappa">κ &gt; 0, the curvature across the ravine (the curvature along it is 1).</param>
    /// <param name="angleDegrees">φ, the angle in degrees from the x axis to the ravine's floor; any finite number.</param>
    /// <exception cref="ArgumentOutOfRangeException">κ is not a finite number &gt; 0, or φ is not finite.</exception>
    public Quadratic(double kappa = DefaultKappa, double angleDegrees = 0)
    {
        Kappa = Hyperparameter.Positive(kappa, nameof(kappa));
        AngleDegrees = double.IsFinite(angleDegrees) ? angleDegrees
            : throw new ArgumentOutOfRangeException(nameof(angleDegrees), angleDegrees, $"{nameof(angleDegrees)} must be a finite number of degrees; got {angleDegrees.ToString("R", CultureInfo.InvariantCulture)}.");
        // SinCosPi keeps the multiples of 90° exact (cos 90° = 0, not 6e-17), so 0°, 90°, 180° give diagonal Hessians.
        (_sin, _cos) = double.SinCosPi(angleDegrees / 180);
        // ℍ = R diag(1, κ) Rᵀ with R's columns (cos φ, sin φ) (the floor) and (−sin φ, cos φ) (across it).
        _hessian = new Hessian2(
            _cos * _cos + Kappa * _sin * _sin,
            (1 - Kappa) * _cos * _sin,
            _sin * _sin + Kappa * _cos * _cos);
        _criticalPoints = [Exact(0, 0, CriticalPointKind.Minimum)];
    }

    /// <summary>κ, the ratio of the two curvatures.</summary>
    public double Kappa { get; }

    /// <summary>φ in degrees: the direction of the ravine's floor (the eigenvector of curvature 1), measured from the x axis.</summary>
    public double AngleDegrees { get; }

    /// <summary>Whether the ravine's axes are the coordinate axes (φ a multiple of 90°), so ℍ is diagonal.</summary>
    public bool IsAxisAligned => _hessian.Xy == 0;

    public override string Name =>
        AngleDegrees != 0 ? "quadratic:" + Show(Kappa) + ":" + Show(AngleDegrees)
        : Kappa == DefaultKappa ? "quadratic"
        : "quadratic:" + Show(Kappa);

    public override string Formula => AngleDegrees == 0
        ? "½(x² + " + Kappa.ToString("G6", CultureInfo.InvariantCulture) + "y²)"
        : string.Create(CultureInfo.InvariantCulture, $"½(u² + {Kappa:G6}v²), u = x cos {AngleDegrees:G6}° + y sin {AngleDegrees:G6}°, v = −x sin {AngleDegrees:G6}° + y cos {AngleDegrees:G6}°");

    public override double Value(double x, double y)
    {
        var (u, v) = ToRavine(x, y);
        return 0.5 * (u * u + Kappa * v * v);
    }

    public override (double X, double Y) Gradient(double x, double y)
    {
        // ∇f = R (u, κv): the gradient in ravine coordinates turned back by +φ.
        var (u, v) = ToRavine(x, y);
        double kv = Kappa * v;
        return (_cos * u - _sin * kv, _sin * u + _cos * kv);
    }

    public override Hessian2 Hessian(double x, double y) => _hessian;

    public override IReadOnlyList<CriticalPoint> CriticalPoints => _criticalPoints;

    /// <summary>(−10, 10) × (−4, 4) for the axis-aligned ravine; a square (−10, 10)² when it is turned, so the start fits.</summary>
    public override PlotWindow Window => AngleDegrees == 0 ? new(-10, 10, -4, 4) : new(-10, 10, -10, 10);

    /// <summary>
    /// (−9, 2) in ravine coordinates: far along the floor and up one wall. Turned with the ravine, so every
    /// angle poses the same problem and only the optimizer's view of the axes differs.
    /// </summary>
    public override (double X, double Y) SuggestedStart => (-9 * _cos - 2 * _sin, -9 * _sin + 2 * _cos);

    /// <summary>(u, v) = Rᵀ(x, y): along the floor and across it.</summary>
    private (double U, double V) ToRavine(double x, double y) => (_cos * x + _sin * y, -_sin * x + _cos * y);

    private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
