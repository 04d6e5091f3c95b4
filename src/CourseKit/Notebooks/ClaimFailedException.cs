namespace CourseKit.Notebooks;

/// <summary>A notebook's reading that its own numbers contradict.</summary>
public sealed class ClaimFailedException(string message) : Exception(message);
