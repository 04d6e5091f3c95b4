namespace CourseKit.Cli;

/// <summary>A bad option or value that the parser cannot see (say an unknown surface name): exits 2 with its message.</summary>
public sealed class UsageException(string message) : Exception(message);
