using System.Globalization;
using CourseKit.Optimizers;
using CourseKit.Surfaces;

namespace CourseKit.SecondOrder;

/// <summary>
/// Newton's method with Levenberg damping and a step size:
/// <code>
/// θ ← θ − η (ℍ + λI)⁻¹∇f(θ)
/// </code>
/// Adding λ to every eigenvalue of ℍ shortens the step along flat directions (where a pure Newton step
/// explodes) and blends towards gradient descent: λ = 0, η = 1 is Newton's method, and for λ much
/// larger than |ℍ|'s eigenvalues the step approaches −(η/λ)∇f, plain gradient descent with ε = η/λ.
/// Near a saddle, along an eigenvector of negative curvature μ, one step (η = 1) multiplies the distance
/// to the saddle by λ/(λ + μ): for λ &lt; |μ|/2 the step is still drawn into the saddle, for λ &gt; |μ|
/// it goes downhill and away. Defaults: λ = 1, η = 1.
/// </summary>
public sealed class DampedNewton : SecondOrderMethod
{
    /// <param name="lambda">λ ≥ 0, added to ℍ's diagonal.</param>
    /// <param name="stepSize">η &gt; 0, the fraction of the damped Newton step taken.</param>
    /// <exception cref="ArgumentOutOfRangeException">λ is negative or η is not positive (or either is not finite).</exception>
    public DampedNewton(double lambda = 1, double stepSize = 1)
    {
        Lambda = Hyperparameter.NonNegative(lambda, nameof(lambda));
        StepSize = Hyperparameter.Positive(stepSize, nameof(stepSize));
    }

    /// <summary>λ, the damping added to every eigenvalue of ℍ.</summary>
    public double Lambda { get; }

    /// <summary>η, the step size.</summary>
    public double StepSize { get; }

    public override string Name => "damped-newton:" + Lambda.ToString("R", CultureInfo.InvariantCulture)
        + (StepSize == 1 ? "" : ":" + StepSize.ToString("R", CultureInfo.InvariantCulture));

    /// <exception cref="InvalidOperationException">ℍ + λI is singular at (x, y).</exception>
    public override (double X, double Y) Step(Surface surface, double x, double y)
    {
        ArgumentNullException.ThrowIfNull(surface);
        var (dx, dy) = SolveAt(surface.Hessian(x, y).AddDiagonal(Lambda), surface.Gradient(x, y), "ℍ + λI", surface, x, y);
        return (x - StepSize * dx, y - StepSize * dy);
    }
}
