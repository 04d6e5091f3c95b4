using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CourseKit.Cli.Bench;

/// <summary>
/// This machine's limits, measured in the same run as everything else: a fused SIMD triad
/// (memory bandwidth) and independent FMA chains (compute peak).
/// </summary>
internal static class HardwareLimits
{
    /// <summary>a ← b + s·c over n floats: 12 bytes per element moved. Returns GB/s.</summary>
    public static double TriadGBps(int n, int threads)
    {
        float[] a = new float[n], b = new float[n], c = new float[n];
        b.AsSpan().Fill(1f);
        c.AsSpan().Fill(2f);
        double seconds = Timing.SecondsPerCall(() => Split(n, threads, (lo, hi) => Triad(a.AsSpan(lo, hi - lo), b.AsSpan(lo, hi - lo), c.AsSpan(lo, hi - lo), 3f)));
        return 12.0 * n / seconds / 1e9;
    }

    private static void Triad(Span<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> c, float s)
    {
        var sv = new Vector<float>(s);
        int i = 0, w = Vector<float>.Count;
        for (; i <= a.Length - w; i += w) (new Vector<float>(b[i..]) + sv * new Vector<float>(c[i..])).CopyTo(a[i..]);
        for (; i < a.Length; i++) a[i] = b[i] + s * c[i];
    }

    /// <summary>GFLOP/s of 12 independent 512-bit FMA chains per thread (2 flops per lane).</summary>
    public static double FmaPeakGflops(int threads)
    {
        const long iterations = 4_000_000;
        double seconds = Timing.SecondsPerCall(() => Split(threads, threads, (_, _) => _sink = FmaChains(iterations)), samples: 3);
        long lanes = Vector512.IsHardwareAccelerated ? 16 : Vector256<float>.Count;
        return threads * iterations * 12.0 * lanes * 2 / seconds / 1e9;
    }

    // The chains' result is stored so the JIT cannot drop them as dead code.
    private static volatile float _sink;

    private static float FmaChains(long iterations)
    {
        if (Avx512F.IsSupported)
        {
            var m = Vector512.Create(0.9999f);
            var add = Vector512.Create(1e-4f);
            Vector512<float> c0 = Vector512.Create(1f), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0, c8 = c0, c9 = c0, c10 = c0, c11 = c0;
            for (long i = 0; i < iterations; i++)
            {
                c0 = Avx512F.FusedMultiplyAdd(c0, m, add); c1 = Avx512F.FusedMultiplyAdd(c1, m, add);
                c2 = Avx512F.FusedMultiplyAdd(c2, m, add); c3 = Avx512F.FusedMultiplyAdd(c3, m, add);
                c4 = Avx512F.FusedMultiplyAdd(c4, m, add); c5 = Avx512F.FusedMultiplyAdd(c5, m, add);
                c6 = Avx512F.FusedMultiplyAdd(c6, m, add); c7 = Avx512F.FusedMultiplyAdd(c7, m, add);
                c8 = Avx512F.FusedMultiplyAdd(c8, m, add); c9 = Avx512F.FusedMultiplyAdd(c9, m, add);
                c10 = Avx512F.FusedMultiplyAdd(c10, m, add); c11 = Avx512F.FusedMultiplyAdd(c11, m, add);
            }

            return Vector512.Sum(c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7 + c8 + c9 + c10 + c11);
        }
        else
        {
            var m = Vector256.Create(0.9999f);
            var add = Vector256.Create(1e-4f);
            Vector256<float> c0 = Vector256.Create(1f), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0, c8 = c0, c9 = c0, c10 = c0, c11 = c0;
            for (long i = 0; i < iterations; i++)
            {
                c0 = Vector256.FusedMultiplyAdd(c0, m, add); c1 = Vector256.FusedMultiplyAdd(c1, m, add);
                c2 = Vector256.FusedMultiplyAdd(c2, m, add); c3 = Vector256.FusedMultiplyAdd(c3, m, add);
                c4 = Vector256.FusedMultiplyAdd(c4, m, add); c5 = Vector256.FusedMultiplyAdd(c5, m, add);
                c6 = Vector256.FusedMultiplyAdd(c6, m, add); c7 = Vector256.FusedMultiplyAdd(c7, m, add);
                c8 = Vector256.FusedMultiplyAdd(c8, m, add); c9 = Vector256.FusedMultiplyAdd(c9, m, add);
                c10 = Vector256.FusedMultiplyAdd(c10, m, add); c11 = Vector256.FusedMultiplyAdd(c11, m, add);
            }

            return Vector256.Sum(c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7 + c8 + c9 + c10 + c11);
        }
    }

    /// <summary>Runs body over [0, n) split into <paramref name="threads"/> contiguous ranges.</summary>
    public static void Split(int n, int threads, Action<int, int> body)
    {
        if (threads == 1)
        {
            body(0, n);
            return;
        }

        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t => body((int)((long)n * t / threads), (int)((long)n * (t + 1) / threads)));
    }
}
