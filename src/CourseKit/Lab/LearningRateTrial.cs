namespace CourseKit.Lab;

/// <summary>
/// One point of the learning-rate search: an optimizer at ε = its default × <paramref name="Factor"/>, and where
/// validation ended. <paramref name="Widened"/> marks points the search added past the first grid's edges.
/// </summary>
public sealed record LearningRateTrial(string Optimizer, double LearningRate, double Factor, double ValidationLoss, double ValidationAccuracy, bool Diverged, bool Chosen, bool Widened);
