using CourseKit.Optimizers;

namespace CourseKit.Schedules;

/// <summary>Exponential decay: ε_k = ε₀ · e^(−T·k).</summary>
public sealed record ExponentialSchedule : LearningRateSchedule
{
    public ExponentialSchedule(double rate) => Rate = Hyperparameter.NonNegative(rate, nameof(rate));

    /// <summary>T, the decay rate per update.</summary>
    public double Rate { get; }

    public override double At(long k, double initialRate)
    {
        CheckArguments(k, initialRate);
        return initialRate * Math.Exp(-Rate * k);
    }

    public override string Spec => FormattableString.Invariant($"exponential:{Rate:R}");
}
