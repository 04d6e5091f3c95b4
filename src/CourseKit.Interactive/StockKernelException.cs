namespace CourseKit.Interactive;

/// <summary>
/// The notebook runs on a kernel that cannot load the kit's chart and table libraries. Its text is
/// only the message (one sentence with the fixing command): a stack trace here would bury it. (The
/// stack trace itself stays: dotnet-interactive's error path hangs the cell on an exception without one.)
/// </summary>
public sealed class StockKernelException(string message) : Exception(message)
{
    /// <inheritdoc />
    public override string ToString() => Message;
}
