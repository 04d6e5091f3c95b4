using CourseKit.Training;

namespace CourseKit.Lab;

/// <summary>
/// One training run of the grid. Every score describes one model, the network after the last epoch (the
/// whole budget of <see cref="Steps"/> steps): its training loss, validation loss and accuracy, test loss and
/// accuracy. A diverged run has no model: its scores are NaN.
/// </summary>
public sealed record LabRun(
    string Optimizer,
    string Schedule,
    double LearningRate,
    int Seed,
    double TrainLoss,
    double ValidationLoss,
    double ValidationAccuracy,
    double TestLoss,
    double TestAccuracy,
    int? StepsToTarget,
    double? SecondsToTarget,
    double WallSeconds,
    bool Diverged,
    int Steps,
    long SamplesSeen,
    TrainingHistory History);
