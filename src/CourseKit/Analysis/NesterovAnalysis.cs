using CourseKit.Optimizers;

namespace CourseKit.Analysis;

/// <summary>
/// Nesterov momentum (θ̃ = θ + αv; ĝ = ∇J(θ̃); v ← αv − εĝ; θ ← θ + v, as in algorithms.md) on a quadratic, one
/// eigen-direction at a time. The gradient is taken at x + αv, so with h = ελ
/// <code>
/// v_{k+1} = αv_k − h (x_k + αv_k) = −h x_k + α(1 − h) v_k
/// x_{k+1} = x_k + v_{k+1}          = (1 − h) x_k + α(1 − h) v_k
/// </code>
/// that is M = [[1 − h, α(1 − h)], [−h, α(1 − h)]], with trace (1 + α)(1 − h) and determinant α(1 − h). Unlike
/// classical momentum the determinant falls with h, and for h &gt; 1 it is negative: the eigenvalues are then real
/// with opposite signs, so x flips sign every step (a bounce per step) while shrinking fast.
/// </summary>
public static class NesterovAnalysis
{
    /// <summary>M(ε, α, λ), the step on [x; v] along a direction of curvature λ.</summary>
    public static IterationMatrix Matrix(double learningRate, double momentum, double curvature)
    {
        double h = MomentumAnalysis.Product(learningRate, curvature);
        double a = Hyperparameter.UnitInterval(momentum, nameof(momentum));
        return new IterationMatrix(1 - h, a * (1 - h), -h, a * (1 - h));
    }

    /// <summary>ρ(ε, α, λ): the contraction per step along that direction (&gt; 1 diverges).</summary>
    public static double SpectralRadius(double learningRate, double momentum, double curvature) =>
        Matrix(learningRate, momentum, curvature).SpectralRadius;

    /// <summary>The worst ρ over the spectrum, which is at one of its two ends (tests check it against a dense sweep).</summary>
    public static double Rate(double learningRate, double momentum, Spectrum spectrum) =>
        Math.Max(SpectralRadius(learningRate, momentum, spectrum.Smallest), SpectralRadius(learningRate, momentum, spectrum.Largest));

    /// <summary>
    /// The best pair for a spectrum (Lessard, Recht &amp; Packard 2016): ε = 4/(3L + μ), α = (√(3κ+1) − 2)/(√(3κ+1) + 2),
    /// rate 1 − 2/√(3κ+1). Slower than the heavy ball's (√κ − 1)/(√κ + 1) on a quadratic; Nesterov's advantage is
    /// that it also converges on convex functions that are not quadratic, where the heavy ball can cycle.
    /// </summary>
    public static TunedRate Optimal(Spectrum spectrum)
    {
        double s = Math.Sqrt(3 * spectrum.ConditionNumber + 1);
        return new TunedRate(4 / (3 * spectrum.Largest + spectrum.Smallest), (s - 2) / (s + 2), 1 - 2 / s);
    }

    /// <summary>
    /// Critical damping for h = ελ: the α at which the eigenvalues turn from real (below) to a complex pair (above),
    /// α = (1 − √h)/(1 + √h). Defined for 0 &lt; h &lt; 1; for h ≥ 1 they are real for every α.
    /// </summary>
    public static double CriticalMomentum(double stepTimesCurvature)
    {
        double h = stepTimesCurvature;
        if (!(h > 0 && h < 1))
            throw new ArgumentOutOfRangeException(nameof(stepTimesCurvature), h,
                $"stepTimesCurvature (ελ) must be in (0, 1): for ελ >= 1 Nesterov's eigenvalues are real for every α; got {h}.");
        double r = Math.Sqrt(h);
        return (1 - r) / (1 + r);
    }

    /// <summary>The stability edge: ρ &lt; 1 exactly when ε &lt; 2(1 + α)/((1 + 2α)λ), narrower than classical momentum's.</summary>
    public static double LargestStableLearningRate(double momentum, double curvature)
    {
        double a = Hyperparameter.UnitInterval(momentum, nameof(momentum));
        return 2 * (1 + a) / ((1 + 2 * a) * Hyperparameter.Positive(curvature, nameof(curvature)));
    }
}
