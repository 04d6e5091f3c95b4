namespace CourseKit.Training;

/// <summary>What a call to <see cref="Trainer.Fit"/> produced.</summary>
/// <param name="History">Every step and epoch measured, up to the end or the divergence.</param>
/// <param name="Divergence">Null when training stayed finite; otherwise where it blew up and what to try.</param>
/// <param name="StoppedEarly">Whether early stopping ended the run before the last epoch.</param>
/// <param name="BestEpoch">The epoch with the lowest validation loss (0 = untrained), or −1 without a validation set.</param>
/// <param name="RestoredBestWeights">Whether the network now holds the weights of <paramref name="BestEpoch"/>.</param>
public sealed record TrainingResult(TrainingHistory History, DivergenceReport? Divergence, bool StoppedEarly, int BestEpoch, bool RestoredBestWeights)
{
    /// <summary>True when a loss or gradient became NaN or infinite.</summary>
    public bool Diverged => Divergence is not null;

    /// <summary>The last epoch record (the untrained network's, if the first epoch diverged).</summary>
    public EpochRecord Final => History.Epochs[^1];
}
