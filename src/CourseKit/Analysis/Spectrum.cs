using CourseKit.Optimizers;

namespace CourseKit.Analysis;

/// <summary>
/// The curvatures [μ, L] of a quadratic (its Hessian's smallest and largest eigenvalues) and κ = L/μ, checked once
/// for every analysis that needs them.
/// </summary>
public readonly record struct Spectrum
{
    /// <param name="smallest">μ, the smallest curvature: finite and &gt; 0.</param>
    /// <param name="largest">L, the largest: finite and ≥ μ.</param>
    public Spectrum(double smallest, double largest)
    {
        Smallest = Hyperparameter.Positive(smallest, nameof(smallest));
        Largest = Hyperparameter.Positive(largest, nameof(largest));
        if (largest < smallest)
            throw new ArgumentOutOfRangeException(nameof(largest), largest, $"largest must be >= smallest ({smallest}); got {largest}.");
    }

    /// <summary>μ.</summary>
    public double Smallest { get; }

    /// <summary>L.</summary>
    public double Largest { get; }

    /// <summary>κ = L/μ, the condition number.</summary>
    public double ConditionNumber => Largest / Smallest;
}
