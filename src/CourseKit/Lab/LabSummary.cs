namespace CourseKit.Lab;

/// <summary>
/// One optimizer × schedule over all its seeds: each score's mean with its t-interval over seeds. Every score
/// describes the network after the last epoch; a diverged run counts as loss ∞ and accuracy 0.
/// </summary>
/// <param name="Optimizer">The optimizer's name.</param>
/// <param name="Schedule">The schedule's name.</param>
/// <param name="LearningRate">ε₀, the one the search chose for this optimizer.</param>
/// <param name="Runs">Runs, one per seed.</param>
/// <param name="Diverged">How many of them diverged.</param>
/// <param name="ValidationLoss">Validation loss after the budget: what every choice is made on.</param>
/// <param name="ValidationAccuracy">Validation accuracy of the same networks.</param>
/// <param name="TestAccuracy">Test accuracy of the same networks: reported, never used to choose.</param>
/// <param name="MeanTrainLoss">Mean training loss of the same networks.</param>
/// <param name="MeanStepsToTarget">Mean steps to <see cref="LabSettings.TargetLoss"/>; null unless every seed reached it.</param>
/// <param name="MeanSecondsToTarget">The same in seconds (meaningful only for long runs: <see cref="LabResults.TimingIsMeaningful"/>).</param>
/// <param name="DifferenceFromBest">
/// The paired difference of validation loss from the best configuration, seed by seed (same initial weights and
/// minibatch order), with its t-interval; null for the best itself, for a configuration with a diverged run, or
/// with fewer than two seeds.
/// </param>
/// <param name="TiedWithBest">
/// True when that interval contains 0: on validation, this configuration cannot be told apart from the best
/// (the best is tied with itself).
/// </param>
/// <param name="IsBest">The lowest mean validation loss of all configurations.</param>
/// <param name="IsChosenSchedule">Whether validation chose this schedule for this optimizer.</param>
/// <param name="MeanWallSeconds">Mean wall time of a run, evaluation included.</param>
public sealed record LabSummary(
    string Optimizer,
    string Schedule,
    double LearningRate,
    int Runs,
    int Diverged,
    ConfidenceInterval ValidationLoss,
    ConfidenceInterval ValidationAccuracy,
    ConfidenceInterval TestAccuracy,
    double MeanTrainLoss,
    double? MeanStepsToTarget,
    double? MeanSecondsToTarget,
    ConfidenceInterval? DifferenceFromBest,
    bool IsBest,
    bool TiedWithBest,
    bool IsChosenSchedule,
    double MeanWallSeconds);
