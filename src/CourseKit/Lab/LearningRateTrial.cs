namespace CourseKit.Lab;

/// <summary>One point of the learning-rate search: an optimizer at one ε, and where validation ended.</summary>
public sealed record LearningRateTrial(string Optimizer, double LearningRate, double ValidationLoss, double ValidationAccuracy, bool Diverged, bool Chosen);
