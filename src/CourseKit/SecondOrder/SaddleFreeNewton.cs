using System.Globalization;
using CourseKit.Optimizers;
using CourseKit.Surfaces;

namespace CourseKit.SecondOrder;

/// <summary>
/// Saddle-free Newton (Dauphin et al., 2014): Newton's step with every curvature made positive.
/// <code>
/// ℍ = Σ λᵢ vᵢvᵢᵀ          (eigen-decomposition)
/// |ℍ| = Σ max(|λᵢ|, floor) vᵢvᵢᵀ
/// θ ← θ − |ℍ|⁻¹∇f(θ)
/// </code>
/// Along a direction of positive curvature it is Newton's step; along one of negative curvature the
/// step's sign flips, so it goes downhill and leaves a saddle instead of being drawn into it. The floor
/// keeps a nearly flat direction (λ ≈ 0) from producing a huge step, and makes |ℍ| always invertible.
/// Default floor: 1e-6.
/// </summary>
public sealed class SaddleFreeNewton : SecondOrderMethod
{
    /// <summary>The floor used by the spec <c>saddle-free-newton</c>.</summary>
    public const double DefaultFloor = 1e-6;

    /// <param name="floor">The smallest curvature |ℍ| may have, &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">The floor is not a finite number &gt; 0.</exception>
    public SaddleFreeNewton(double floor = DefaultFloor) => Floor = Hyperparameter.Positive(floor, nameof(floor));

    /// <summary>The smallest eigenvalue |ℍ| is given: |λᵢ| below it is raised to it.</summary>
    public double Floor { get; }

    public override string Name => Floor == DefaultFloor
        ? "saddle-free-newton"
        : "saddle-free-newton:" + Floor.ToString("R", CultureInfo.InvariantCulture);

    public override (double X, double Y) Step(Surface surface, double x, double y)
    {
        ArgumentNullException.ThrowIfNull(surface);
        var (gx, gy) = surface.Gradient(x, y);
        Hessian2 h = surface.Hessian(x, y);
        var ((ax, ay), (bx, by)) = h.Eigenvectors;
        var (min, max) = h.Eigenvalues;
        // In the eigenbasis |ℍ| is diagonal: divide each component of ∇f by its |λ|, then rotate back.
        double along1 = (ax * gx + ay * gy) / Math.Max(Math.Abs(min), Floor);
        double along2 = (bx * gx + by * gy) / Math.Max(Math.Abs(max), Floor);
        return (x - (along1 * ax + along2 * bx), y - (along1 * ay + along2 * by));
    }
}
