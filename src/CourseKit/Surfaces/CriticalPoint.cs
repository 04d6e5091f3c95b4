namespace CourseKit.Surfaces;

/// <summary>
/// A point where the gradient vanishes, ∇f(x, y) = 0, with its kind and its value f(x, y).
/// </summary>
/// <remarks>
/// The second-derivative test: at a critical point f(θ + d) ≈ f(θ) + ½dᵀℍd, so the signs of ℍ's
/// eigenvalues decide whether every direction goes up (minimum), down (maximum) or both (saddle).
/// </remarks>
public sealed record CriticalPoint(double X, double Y, CriticalPointKind Kind, double Value)
{
    /// <summary>
    /// The second-derivative test on ℍ's eigenvalues λ₁ ≤ λ₂. An eigenvalue with
    /// |λ| ≤ <paramref name="relativeTolerance"/>·max|λ| counts as zero and makes the point
    /// <see cref="CriticalPointKind.Degenerate"/>, as does ℍ = 0.
    /// </summary>
    public static CriticalPointKind Classify(Hessian2 hessian, double relativeTolerance = 1e-9)
    {
        if (hessian.IsSingular(relativeTolerance)) return CriticalPointKind.Degenerate;
        var (min, max) = hessian.Eigenvalues;
        return (min > 0, max > 0) switch
        {
            (true, _) => CriticalPointKind.Minimum,
            (false, true) => CriticalPointKind.Saddle,
            _ => CriticalPointKind.Maximum,
        };
    }
}
