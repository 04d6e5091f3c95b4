namespace CourseKit.Training;

/// <summary>
/// Everything a run measured, as plain lists of numbers a notebook can chart directly, e.g.
/// <c>history.Steps.Select(s =&gt; s.Loss)</c> against <c>history.Steps.Select(s =&gt; s.Step)</c>.
/// </summary>
public sealed class TrainingHistory
{
    internal TrainingHistory(int stepCapacity) => Steps = new List<StepRecord>(stepCapacity);

    /// <summary>One record per optimizer step: loss, ε_k, ‖ĝ‖.</summary>
    public List<StepRecord> Steps { get; }

    /// <summary>One record per epoch, starting with epoch 0 (before training).</summary>
    public List<EpochRecord> Epochs { get; } = [];
}
