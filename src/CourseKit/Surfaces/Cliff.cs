using System.Globalization;

namespace CourseKit.Surfaces;

/// <summary>
/// A round bowl with a cliff: f = ½(x² + y²) + (h/2)(1 + tanh((x − c)/w)), with wall height h = 10,
/// wall position c = 2 and wall width w = 0.05. Minimum at (≈0, 0), value ≈ 0.
/// </summary>
/// <remarks>
/// Lesson: cliffs and exploding gradients. Left of x = c lies the gentle bowl; across a band about
/// 2w wide around x = c, f climbs by h onto a high terrace. On the wall's face the slope reaches
/// h/(2w) = 100, about 50× the bowl's, so one gradient step of a modest ε = 0.1 from
/// <see cref="SuggestedStart"/> travels about 10 units and overshoots the whole bowl, while
/// clipping ‖ĝ‖ to V = 1 keeps the same direction and moves 0.1. The gradient gives the direction,
/// not the step size. Everything is smooth, so the gradient and Hessian are exact.
/// </remarks>
public sealed class Cliff : Surface
{
    /// <summary>h, the height the wall climbs.</summary>
    public const double WallHeight = 10;

    /// <summary>c, the x at the middle of the wall (its steepest point).</summary>
    public const double WallPosition = 2;

    /// <summary>w, the wall's width scale: the wall rises over roughly [c − 2w, c + 2w].</summary>
    public const double WallWidth = 0.05;

    private readonly CriticalPoint[] _criticalPoints;

    // The wall's slope h/(2w)·sech²(u) is at most 100 and falls below 1e-30 in the bowl, so the bowl's
    // minimum sits within 1e-30 of the origin; Newton polishing finds it exactly.
    public Cliff() => _criticalPoints = [Polished(0, 0, CriticalPointKind.Minimum)];

    public override string Name => "cliff";

    public override string Formula => string.Create(CultureInfo.InvariantCulture,
        $"½(x² + y²) + {WallHeight / 2}(1 + tanh((x − {WallPosition})/{WallWidth}))");

    public override double Value(double x, double y) =>
        0.5 * (x * x + y * y) + WallHeight / 2 * (1 + Math.Tanh(U(x)));

    public override (double X, double Y) Gradient(double x, double y) =>
        (x + WallHeight / (2 * WallWidth) * Sech2(U(x)), y);

    // d/du sech²u = −2 sech²u tanh u.
    public override Hessian2 Hessian(double x, double y)
    {
        double u = U(x);
        return new(1 - WallHeight / (WallWidth * WallWidth) * Sech2(u) * Math.Tanh(u), 0, 1);
    }

    public override IReadOnlyList<CriticalPoint> CriticalPoints => _criticalPoints;

    public override PlotWindow Window => new(-4, 4, -3, 3);

    /// <summary>(2, 1): halfway up the wall's face, where the slope is steepest.</summary>
    public override (double X, double Y) SuggestedStart => (WallPosition, 1);

    private static double U(double x) => (x - WallPosition) / WallWidth;

    // 1/cosh² rather than 1 − tanh², which cancels to 0 far from the wall.
    private static double Sech2(double u)
    {
        double s = 1 / Math.Cosh(u);
        return s * s;
    }
}
