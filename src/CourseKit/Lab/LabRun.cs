using CourseKit.Training;

namespace CourseKit.Lab;

/// <summary>One training run of the grid: its settings, its outcome, and its history for the curves.</summary>
public sealed record LabRun(
    string Optimizer,
    string Schedule,
    double LearningRate,
    int Seed,
    double FinalTrainLoss,
    double ValidationAccuracy,
    double TestAccuracy,
    int? EpochsToTarget,
    double WallSeconds,
    bool Diverged,
    long SamplesSeen,
    TrainingHistory History);
