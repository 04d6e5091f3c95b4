namespace CourseKit.Training;

/// <summary>The state after an epoch. Epoch 0 is the untrained network, so every curve starts at its beginning.</summary>
/// <param name="Epoch">0 for the initial evaluation, then 1, 2, …</param>
/// <param name="TrainLoss">Mean loss over the whole training set (NaN when not evaluated).</param>
/// <param name="TrainAccuracy">Training accuracy, the complement of the 0-1 loss.</param>
/// <param name="ValidationLoss">Mean loss over the validation set (NaN without one).</param>
/// <param name="ValidationAccuracy">Validation accuracy (NaN without a validation set).</param>
/// <param name="Elapsed">Wall-clock time since training started — the one field that differs between two identical runs.</param>
public readonly record struct EpochRecord(int Epoch, double TrainLoss, double TrainAccuracy, double ValidationLoss, double ValidationAccuracy, TimeSpan Elapsed);
