using CourseKit.Networks;

namespace CourseKit.Cli.Bench;

/// <summary>
/// The MLP's own matrix multiplies: for each layer of the MNIST-sized net, the forward product
/// (batch×in · in×out), the weight gradient (Aᵀ·B) and the input gradient (A·Bᵀ), in GFLOP/s, as a
/// fraction of the same-run FMA peak for the same thread count. Batch 1024 is also run on 2 threads
/// (<see cref="MatMul.Threads"/>), where products are large enough to split.
/// </summary>
internal static class GemmBench
{
    public static IEnumerable<BenchRecord> Run(int batch, IReadOnlyDictionary<int, double> fmaPeak)
    {
        int[] sizes = [784, 256, 256, 10];
        for (int l = 0; l + 1 < sizes.Length; l++)
        {
            int m = batch, k = sizes[l], n = sizes[l + 1];
            var random = new Random(l);
            float[] x = Fill(m * k, random), w = Fill(k * n, random), y = new float[m * n], dy = Fill(m * n, random), dw = new float[k * n], dx = new float[m * k];
            foreach (int threads in batch >= 1024 ? new[] { 1, 2 } : [1])
            {
                yield return Record($"forward {m}x{k}·{k}x{n}", m, k, n, batch, threads, fmaPeak[threads], () => MatMul.Multiply(x, w, y, m, k, n));
                yield return Record($"weights {k}x{m}·{m}x{n} (Aᵀ·B)", k, m, n, batch, threads, fmaPeak[threads], () => MatMul.MultiplyTransposedA(x, dy, dw, k, m, n));
                yield return Record($"inputs {m}x{n}·{n}x{k} (A·Bᵀ)", m, n, k, batch, threads, fmaPeak[threads], () => MatMul.MultiplyTransposedB(dy, w, dx, m, n, k));
            }
        }
    }

    private static BenchRecord Record(string name, int m, int k, int n, int batch, int threads, double fmaPeak, Action multiply)
    {
        MatMul.Threads = threads;
        double seconds;
        try { seconds = Timing.SecondsPerCall(multiply, minSeconds: Timing.MinSeconds / 2); }
        finally { MatMul.Threads = 1; }
        double gflops = 2.0 * m * k * n / seconds / 1e9;
        return new BenchRecord("gemm", name, threads, new Dictionary<string, double> { ["gflops"] = gflops, ["fraction_of_fma_peak"] = gflops / fmaPeak })
        {
            Shape = $"{m}x{k}x{n}",
            Batch = batch,
        };
    }

    private static float[] Fill(int length, Random random)
    {
        var values = new float[length];
        for (int i = 0; i < length; i++) values[i] = (float)(random.NextDouble() - 0.5);
        return values;
    }
}
