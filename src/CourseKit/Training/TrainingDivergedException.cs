namespace CourseKit.Training;

/// <summary>Thrown on divergence when <see cref="TrainerOptions.ThrowOnDivergence"/> is set; carries the history so far.</summary>
public sealed class TrainingDivergedException(TrainingResult result)
    : Exception(result.Divergence?.Message ?? "Training diverged.")
{
    public TrainingResult Result { get; } = result;

    public DivergenceReport Report => Result.Divergence!;
}
