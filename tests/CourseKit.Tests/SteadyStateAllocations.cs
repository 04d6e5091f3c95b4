namespace CourseKit.Tests;

/// <summary>
/// Bytes allocated by <c>work</c> once it is warm. The runtime may allocate a little on the calling
/// thread while tiered compilation promotes hot methods, at a moment that depends on machine load; a
/// real per-step allocation happens in every window. So windows are measured until one allocates
/// nothing (at most <c>windows</c>), and the last window's count is returned.
/// </summary>
internal static class SteadyStateAllocations
{
    public static long Measure(Action work, int windows = 10)
    {
        long allocated = 0;
        for (int w = 0; w < windows; w++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            work();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (allocated == 0) break;
        }

        return allocated;
    }
}
