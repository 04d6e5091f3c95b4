namespace CourseKit.Training;

/// <summary>One optimizer step, as the history records it.</summary>
/// <param name="Step">k, counting from 0 over the whole run.</param>
/// <param name="Epoch">The epoch it belongs to, from 1.</param>
/// <param name="Loss">The minibatch loss at the point the gradient was taken.</param>
/// <param name="LearningRate">ε_k used by the step.</param>
/// <param name="GradientNorm">‖ĝ‖ before clipping.</param>
public readonly record struct StepRecord(int Step, int Epoch, double Loss, double LearningRate, double GradientNorm);
