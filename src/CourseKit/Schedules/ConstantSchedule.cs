namespace CourseKit.Schedules;

/// <summary>ε_k = ε₀.</summary>
public sealed record ConstantSchedule : LearningRateSchedule
{
    public override double At(long k, double initialRate)
    {
        CheckArguments(k, initialRate);
        return initialRate;
    }

    public override string Spec => "constant";
}
