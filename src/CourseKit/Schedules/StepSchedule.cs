using CourseKit.Optimizers;

namespace CourseKit.Schedules;

/// <summary>Step decay: ε_k = ε₀ · F^⌊k/N⌋ (multiply by F every N updates).</summary>
public sealed record StepSchedule : LearningRateSchedule
{
    public StepSchedule(double factor, int every)
    {
        Factor = factor is > 0 and <= 1 ? factor
            : throw new ArgumentOutOfRangeException(nameof(factor), factor, $"factor must be in (0, 1]; got {factor}.");
        Every = Hyperparameter.AtLeastOne(every, nameof(every));
    }

    /// <summary>F, the factor applied every <see cref="Every"/> updates.</summary>
    public double Factor { get; }

    /// <summary>N, the number of updates between drops.</summary>
    public int Every { get; }

    public override double At(long k, double initialRate)
    {
        CheckArguments(k, initialRate);
        return initialRate * Math.Pow(Factor, k / Every);
    }

    public override string Spec => FormattableString.Invariant($"step:{Factor:R}:{Every}");
}
