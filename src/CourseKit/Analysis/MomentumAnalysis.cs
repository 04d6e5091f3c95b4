using CourseKit.Optimizers;

namespace CourseKit.Analysis;

/// <summary>
/// Classical momentum (v ← αv − εĝ; θ ← θ + v, as in algorithms.md) on a quadratic, one eigen-direction at a time.
/// Along a direction of curvature λ the gradient is λx, so with h = ελ
/// <code>
/// v_{k+1} = αv_k − h x_k
/// x_{k+1} = x_k + v_{k+1} = (1 − h) x_k + α v_k
/// </code>
/// that is M = [[1 − h, α], [−h, α]], with trace 1 + α − h and determinant α. A complex pair therefore always has
/// modulus √α: inside that band the rate is set by α alone, whatever ε.
/// </summary>
public static class MomentumAnalysis
{
    /// <summary>M(ε, α, λ), the step on [x; v] along a direction of curvature λ.</summary>
    public static IterationMatrix Matrix(double learningRate, double momentum, double curvature)
    {
        double h = Product(learningRate, curvature);
        double a = Hyperparameter.UnitInterval(momentum, nameof(momentum));
        return new IterationMatrix(1 - h, a, -h, a);
    }

    /// <summary>ρ(ε, α, λ): the contraction per step along that direction (&gt; 1 diverges).</summary>
    public static double SpectralRadius(double learningRate, double momentum, double curvature) =>
        Matrix(learningRate, momentum, curvature).SpectralRadius;

    /// <summary>
    /// The worst ρ over every curvature in the spectrum. ρ is largest at one of the two ends (in the complex band it
    /// is the constant √α, outside it grows away from the band), so only μ and L are evaluated.
    /// </summary>
    public static double Rate(double learningRate, double momentum, Spectrum spectrum) =>
        Math.Max(SpectralRadius(learningRate, momentum, spectrum.Smallest), SpectralRadius(learningRate, momentum, spectrum.Largest));

    /// <summary>
    /// The best pair for a spectrum (Polyak's heavy ball): ε* = 4/(√L + √μ)², α* = ((√κ − 1)/(√κ + 1))², which puts
    /// both ends exactly at critical damping and gives the rate (√κ − 1)/(√κ + 1) (gradient descent's best is (κ − 1)/(κ + 1)).
    /// </summary>
    public static TunedRate Optimal(Spectrum spectrum)
    {
        double rootKappa = Math.Sqrt(spectrum.ConditionNumber);
        double rate = (rootKappa - 1) / (rootKappa + 1);
        double eps = 4 / Math.Pow(Math.Sqrt(spectrum.Largest) + Math.Sqrt(spectrum.Smallest), 2);
        return new TunedRate(eps, rate * rate, rate);
    }

    /// <summary>
    /// Critical damping for h = ελ: the α at which the eigenvalues turn from real (α below it) to a complex pair
    /// (above it), α = (1 − √h)². Defined for 0 &lt; h &lt; 4; for h ≥ 4 they are real for every α in [0, 1).
    /// </summary>
    public static double CriticalMomentum(double stepTimesCurvature)
    {
        double h = stepTimesCurvature;
        if (!(h > 0 && h < 4))
            throw new ArgumentOutOfRangeException(nameof(stepTimesCurvature), h,
                $"stepTimesCurvature (ελ) must be in (0, 4): for ελ >= 4 the eigenvalues are real for every α in [0, 1); got {h}.");
        return Math.Pow(1 - Math.Sqrt(h), 2);
    }

    /// <summary>The stability edge: ρ &lt; 1 exactly when ε &lt; 2(1 + α)/λ.</summary>
    public static double LargestStableLearningRate(double momentum, double curvature) =>
        2 * (1 + Hyperparameter.UnitInterval(momentum, nameof(momentum))) / Hyperparameter.Positive(curvature, nameof(curvature));

    /// <summary>
    /// The step length momentum settles at on a constant slope ‖g‖: v = αv − εg converges to −εg/(1 − α), so the
    /// step is ε‖g‖/(1 − α), the plain step times 1/(1 − α).
    /// </summary>
    public static double TerminalStep(double learningRate, double momentum, double gradientNorm) =>
        Hyperparameter.Positive(learningRate, nameof(learningRate)) * Hyperparameter.NonNegative(gradientNorm, nameof(gradientNorm))
        / (1 - Hyperparameter.UnitInterval(momentum, nameof(momentum)));

    /// <summary>
    /// Starting from v = 0 on a constant slope, the step after k updates is (1 − αᵏ) times the terminal one; this is the
    /// first k at which that reaches <paramref name="fraction"/> of it (1 for α = 0: the first step is already terminal).
    /// </summary>
    public static int StepsToReach(double fraction, double momentum)
    {
        double a = Hyperparameter.UnitInterval(momentum, nameof(momentum));
        if (!(fraction > 0 && fraction < 1))
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, $"fraction must be in (0, 1); got {fraction}.");
        if (a == 0) return 1;
        // 1 − αᵏ ≥ f  ⟺  k ≥ ln(1 − f)/ln α; the small slack keeps an exact boundary (α = 0.5, f = 0.75 → 2) from rounding up.
        return Math.Max(1, (int)Math.Ceiling(Math.Log(1 - fraction) / Math.Log(a) - 1e-9));
    }

    internal static double Product(double learningRate, double curvature) =>
        Hyperparameter.Positive(learningRate, nameof(learningRate)) * Hyperparameter.Positive(curvature, nameof(curvature));
}
