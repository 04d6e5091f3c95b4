namespace CourseKit.Lab;

/// <summary>
/// What validation chose for one optimizer: its ε (by the search), then its schedule (lowest mean validation loss
/// over seeds). <paramref name="AtSearchBound"/> flags an ε left at an edge of the widened grid, at the search's
/// bound: the best ε may lie beyond it.
/// </summary>
public sealed record LabChoice(string Optimizer, double LearningRate, double Factor, bool AtSearchBound, string Schedule);
