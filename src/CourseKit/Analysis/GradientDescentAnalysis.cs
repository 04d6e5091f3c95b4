namespace CourseKit.Analysis;

/// <summary>
/// Plain gradient descent (θ ← θ − εĝ) on a quadratic: along a direction of curvature λ, x ← (1 − ελ)x. It is
/// momentum with α = 0, kept separate because its one-number answer is the baseline every momentum rate is read against.
/// </summary>
public static class GradientDescentAnalysis
{
    /// <summary>|1 − ελ|, the contraction per step along that direction.</summary>
    public static double SpectralRadius(double learningRate, double curvature) =>
        Math.Abs(1 - MomentumAnalysis.Product(learningRate, curvature));

    /// <summary>The worst contraction over the spectrum: max(|1 − εμ|, |1 − εL|).</summary>
    public static double Rate(double learningRate, Spectrum spectrum) =>
        Math.Max(SpectralRadius(learningRate, spectrum.Smallest), SpectralRadius(learningRate, spectrum.Largest));

    /// <summary>The best constant ε = 2/(L + μ), which balances the two ends at the rate (κ − 1)/(κ + 1).</summary>
    public static TunedRate Optimal(Spectrum spectrum)
    {
        double kappa = spectrum.ConditionNumber;
        return new TunedRate(2 / (spectrum.Largest + spectrum.Smallest), 0, (kappa - 1) / (kappa + 1));
    }
}
