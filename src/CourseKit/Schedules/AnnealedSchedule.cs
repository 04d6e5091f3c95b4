using CourseKit.Optimizers;

namespace CourseKit.Schedules;

/// <summary>Annealed 1/t decay: ε_k = ε₀ / (1 + T·k).</summary>
public sealed record AnnealedSchedule : LearningRateSchedule
{
    public AnnealedSchedule(double rate) => Rate = Hyperparameter.NonNegative(rate, nameof(rate));

    /// <summary>T, how fast the rate decays.</summary>
    public double Rate { get; }

    public override double At(long k, double initialRate)
    {
        CheckArguments(k, initialRate);
        return initialRate / (1 + Rate * k);
    }

    public override string Spec => FormattableString.Invariant($"annealed:{Rate:R}");
}
