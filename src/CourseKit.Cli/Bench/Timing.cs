using System.Diagnostics;

namespace CourseKit.Cli.Bench;

/// <summary>Median-of-samples timing: absolute times here are noisy, so every figure is a median and is read as a ratio.</summary>
internal static class Timing
{
    /// <summary>The default length of one sample, in seconds (set by <c>bench --min-time</c>).</summary>
    public static double MinSeconds { get; set; } = 0.2;

    /// <summary>Seconds per call of <paramref name="action"/>: calls are batched to at least <paramref name="minSeconds"/> per sample.</summary>
    public static double SecondsPerCall(Action action, int samples = 5, double? minSeconds = null)
    {
        action(); // warm-up: JIT, first-touch of pages, optimizer state
        int calls = 1;
        var clock = Stopwatch.StartNew();
        action();
        double once = Math.Max(clock.Elapsed.TotalSeconds, 1e-7);
        calls = (int)Math.Clamp((minSeconds ?? MinSeconds) / once, 1, 1_000_000);

        var times = new double[samples];
        for (int s = 0; s < samples; s++)
        {
            clock.Restart();
            for (int c = 0; c < calls; c++) action();
            times[s] = clock.Elapsed.TotalSeconds / calls;
        }

        Array.Sort(times);
        return times[samples / 2];
    }
}
