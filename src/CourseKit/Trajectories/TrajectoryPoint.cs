namespace CourseKit.Trajectories;

/// <summary>
/// One row of a path: θ_k = (X, Y) and J(θ_k). <see cref="GradientNorm"/> and <see cref="LearningRate"/>
/// are ‖ĝ‖ (before clipping) and ε_k of the update that led to θ_k, so they are NaN on step 0.
/// </summary>
public readonly record struct TrajectoryPoint(int Step, double X, double Y, double Loss, double GradientNorm, double LearningRate);
