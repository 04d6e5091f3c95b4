namespace CourseKit.Notebooks;

/// <summary>
/// Reddi, Kale &amp; Kumar (2018), Theorem 1: the online problem f_t(x) = C·x when t mod 3 = 1, else −x,
/// on x ∈ [−1, 1] (each step projected back). The sum over a period is (C − 2)x, so for C &gt; 2 the
/// best point is x = −1; Adam with ρ₁ = 0, ρ₂ = 1/(1 + C²) and ε_t = ε/√t drifts to +1, AMSGrad to −1.
/// Both use Adam's bias correction, r̂ = r/(1−ρ₂ᵗ) (AMSGrad's r replaced by its running maximum r̄).
/// </summary>
public sealed class ReddiCounterexample
{
    public ReddiCounterexample(double c = 3, double learningRate = 0.5, double delta = 1e-8)
    {
        C = c > 2 && double.IsFinite(c) ? c : throw new ArgumentOutOfRangeException(nameof(c), c, "C must be finite and > 2 (else −1 is not the unique best point).");
        LearningRate = learningRate > 0 && double.IsFinite(learningRate) ? learningRate : throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "must be finite and > 0");
        Delta = delta >= 0 && double.IsFinite(delta) ? delta : throw new ArgumentOutOfRangeException(nameof(delta), delta, "must be finite and >= 0");
        Rho2 = 1 / (1 + c * c);
    }

    public double C { get; }

    /// <summary>ε in ε_t = ε/√t.</summary>
    public double LearningRate { get; }

    public double Delta { get; }

    /// <summary>ρ₂ = 1/(1 + C²), the paper's choice.</summary>
    public double Rho2 { get; }

    /// <summary>∇f_t: C when t mod 3 = 1, else −1 (t counts from 1).</summary>
    public double Gradient(long t) => t % 3 == 1 ? C : -1;

    /// <summary>
    /// Runs Adam (<paramref name="amsGrad"/> false) or AMSGrad from x = 0 for <paramref name="steps"/> steps.
    /// Returns x after each step, the multiplier 1/(√r̂ + δ) each step used (the effective rate without ε_t),
    /// and the uncorrected denominator's state each step (r for Adam, r̄ for AMSGrad).
    /// </summary>
    public (double[] X, double[] Rate, double[] Second) Run(bool amsGrad, int steps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        double x = 0, r = 0, rMax = 0;
        var (xs, rates, seconds) = (new double[steps], new double[steps], new double[steps]);
        for (int t = 1; t <= steps; t++)
        {
            double g = Gradient(t);
            r = Rho2 * r + (1 - Rho2) * g * g;
            rMax = Math.Max(rMax, r);
            double second = amsGrad ? rMax : r;
            double rate = 1 / (Math.Sqrt(second / (1 - Math.Pow(Rho2, t))) + Delta);
            x = Math.Clamp(x - LearningRate / Math.Sqrt(t) * g * rate, -1, 1);
            (xs[t - 1], rates[t - 1], seconds[t - 1]) = (x, rate, second);
        }

        return (xs, rates, seconds);
    }
}
