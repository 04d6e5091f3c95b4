namespace CourseKit.Surfaces;

/// <summary>
/// Beale's function, f = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)², minimum 0 at (3, ½).
/// </summary>
/// <remarks>
/// Lesson: sharp, curved valleys between very flat regions: the gradient varies by orders of magnitude
/// across the window, which punishes a single fixed learning rate. Besides the minimum it has two
/// saddles: (0, 1) exactly, where f is 14.203125 along the whole line x = 0, and one near
/// (0.1005, −2.6445), polished by Newton's method.
/// </remarks>
public sealed class Beale : Surface
{
    private static readonly double[] Constants = [1.5, 2.25, 2.625];

    private readonly CriticalPoint[] _criticalPoints;

    public Beale() => _criticalPoints =
    [
        Exact(3, 0.5, CriticalPointKind.Minimum),
        Exact(0, 1, CriticalPointKind.Saddle),
        Polished(0.1005, -2.6445, CriticalPointKind.Saddle),
    ];

    public override string Name => "beale";

    public override string Formula => "(1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²";

    // Each term is rᵢ² with rᵢ = cᵢ + x(yⁱ − 1), so ∂rᵢ/∂x = yⁱ − 1 and ∂rᵢ/∂y = i·x·yⁱ⁻¹.
    public override double Value(double x, double y)
    {
        double sum = 0, yi = 1;
        for (int i = 1; i <= 3; i++)
        {
            yi *= y;
            double r = Constants[i - 1] + x * (yi - 1);
            sum += r * r;
        }

        return sum;
    }

    public override (double X, double Y) Gradient(double x, double y)
    {
        double gx = 0, gy = 0, yi = 1;
        for (int i = 1; i <= 3; i++)
        {
            double yPrev = yi;           // yⁱ⁻¹
            yi *= y;                     // yⁱ
            double r = Constants[i - 1] + x * (yi - 1);
            gx += 2 * r * (yi - 1);
            gy += 2 * r * i * x * yPrev;
        }

        return (gx, gy);
    }

    public override Hessian2 Hessian(double x, double y)
    {
        double xx = 0, xy = 0, yy = 0, yi = 1, yPrev = 0;
        for (int i = 1; i <= 3; i++)
        {
            double yPrevPrev = yPrev;    // yⁱ⁻² (0 for i = 1, where it is multiplied by i − 1 = 0)
            yPrev = yi;                  // yⁱ⁻¹
            yi *= y;                     // yⁱ
            double r = Constants[i - 1] + x * (yi - 1);
            double rx = yi - 1, ry = i * x * yPrev;
            xx += 2 * rx * rx;
            xy += 2 * (ry * rx + r * i * yPrev);
            yy += 2 * (ry * ry + r * i * (i - 1) * x * yPrevPrev);
        }

        return new(xx, xy, yy);
    }

    public override IReadOnlyList<CriticalPoint> CriticalPoints => _criticalPoints;

    public override PlotWindow Window => new(-4.5, 4.5, -4.5, 4.5);

    /// <summary>(1, 1.5): up on the flat shoulder above the narrow valley that leads to (3, ½).</summary>
    public override (double X, double Y) SuggestedStart => (1, 1.5);
}
