namespace CourseKit.Lab;

/// <summary>One optimizer × schedule over all its seeds: means and spreads, for the ranked table.</summary>
public sealed record LabSummary(
    int Rank,
    string Optimizer,
    string Schedule,
    double LearningRate,
    double MeanTestAccuracy,
    double StdTestAccuracy,
    double MeanValidationAccuracy,
    double MeanFinalTrainLoss,
    double? MeanEpochsToTarget,
    int Diverged,
    int Runs,
    double MeanWallSeconds);
