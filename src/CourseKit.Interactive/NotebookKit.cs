namespace CourseKit.Interactive;

/// <summary>
/// What every notebook's first cell calls once the kit is referenced: it checks that the kernel can
/// run the kit's charts and tables, then registers their formatters (a chart as the standard
/// Plotly MIME type with an offline HTML fallback, a Deedle frame as a small table).
/// </summary>
public static class NotebookKit
{
    /// <summary>
    /// Checks the kernel and registers the formatters; safe to call again (a re-run first cell).
    /// </summary>
    /// <exception cref="StockKernelException">The kernel's FSharp.Core is too old for Plotly.NET and Deedle
    /// (a stock .NET Interactive kernel); the message says, in one sentence, how to fix it.</exception>
    public static void Load()
    {
        // Before anything touches an F# type: on a stock kernel that would fail with a
        // FileNotFoundException for FSharp.Core 10.1.0.0, which tells a student nothing.
        if (KernelCompatibility.BoundFSharpCore() is { } bound && !KernelCompatibility.IsSupported(bound))
            throw new StockKernelException(KernelCompatibility.StockKernelMessage(bound));
        Register();
    }

    // Kept apart from Load so that the F# types it mentions are only resolved after the check passed.
    private static void Register()
    {
        ChartFormatter.Register();
        FrameFormatter.Register();
    }
}
