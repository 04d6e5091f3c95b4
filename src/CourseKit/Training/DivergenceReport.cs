namespace CourseKit.Training;

/// <summary>Where and how training blew up, with advice.</summary>
/// <param name="Step">The step whose loss or gradient was not finite (k, from 0).</param>
/// <param name="Epoch">Its epoch (from 1).</param>
/// <param name="Optimizer">The optimizer, with its hyperparameters.</param>
/// <param name="LearningRate">ε_k at that step.</param>
/// <param name="Loss">The loss there (NaN or ±∞, or finite if only the gradient overflowed).</param>
/// <param name="GradientNorm">‖ĝ‖ there.</param>
/// <param name="Message">All of the above in a sentence, and what to try.</param>
public sealed record DivergenceReport(int Step, int Epoch, string Optimizer, double LearningRate, double Loss, double GradientNorm, string Message)
{
    public override string ToString() => Message;
}
