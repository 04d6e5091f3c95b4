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
        // Warm-up for a while, not once: tiered JIT only swaps in optimized code after ~30 calls, and a
        // first-call time measured on tier-0 code would undersize the batches below.
        var clock = Stopwatch.StartNew();
        for (int w = 0; w < 50 && (w < 2 || clock.Elapsed.TotalSeconds < 0.05); w++) action();
        int calls = 1;
        clock.Restart();
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
