using CourseKit.Optimizers;

namespace CourseKit.Schedules;

/// <summary>
/// Linear decay until τ: α = min(k/τ, 1); ε_k = (1 − α)ε₀ + α ε_τ, constant after τ.
/// </summary>
public sealed record LinearSchedule : LearningRateSchedule
{
    public LinearSchedule(int tau, double finalRate)
    {
        Tau = Hyperparameter.AtLeastOne(tau, nameof(tau));
        FinalRate = Hyperparameter.Positive(finalRate, nameof(finalRate));
    }

    /// <summary>τ, the update at which the rate reaches <see cref="FinalRate"/>.</summary>
    public int Tau { get; }

    /// <summary>ε_τ, the rate from update τ on.</summary>
    public double FinalRate { get; }

    public override double At(long k, double initialRate)
    {
        CheckArguments(k, initialRate);
        double alpha = Math.Min((double)k / Tau, 1);
        return (1 - alpha) * initialRate + alpha * FinalRate;
    }

    public override string Spec => FormattableString.Invariant($"linear:{Tau}:{FinalRate:R}");
}
