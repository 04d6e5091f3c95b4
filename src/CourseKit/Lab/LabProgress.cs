namespace CourseKit.Lab;

/// <summary>Reported after each finished run: which phase, how many of how many, and the run just done.</summary>
public readonly record struct LabProgress(string Phase, int Done, int Total, string Run);
