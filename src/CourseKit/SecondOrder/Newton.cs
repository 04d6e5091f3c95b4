using CourseKit.Surfaces;

namespace CourseKit.SecondOrder;

/// <summary>
/// Newton's method: jump to the critical point of the local quadratic model.
/// <code>
/// θ ← θ − ℍ⁻¹∇f(θ)
/// </code>
/// On a quadratic bowl it lands on the minimum in one step, whatever the conditioning. But it seeks
/// ∇f = 0, not low f: near a saddle (or maximum) it is attracted to it, because along a direction of
/// negative curvature the step −∇f/λ with λ &lt; 0 goes uphill.
/// </summary>
public sealed class Newton : SecondOrderMethod
{
    public override string Name => "newton";

    /// <exception cref="InvalidOperationException">ℍ is singular at (x, y).</exception>
    public override (double X, double Y) Step(Surface surface, double x, double y)
    {
        ArgumentNullException.ThrowIfNull(surface);
        var (dx, dy) = SolveAt(surface.Hessian(x, y), surface.Gradient(x, y), "ℍ", surface, x, y);
        return (x - dx, y - dy);
    }
}
