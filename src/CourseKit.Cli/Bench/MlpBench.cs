using CourseKit.Data;
using CourseKit.Networks;
using CourseKit.Optimizers;

namespace CourseKit.Cli.Bench;

/// <summary>
/// Training throughput in samples/s with Adam, as the peers measure it: digits-sized 64-128-10 on the
/// bundled digits, MNIST-sized 784-256-256-10 on 60,000 random N(0,1) samples with random labels.
/// </summary>
internal static class MlpBench
{
    public static BenchRecord Run(string shape, int batch, int threads = 1)
    {
        var (data, sizes) = shape switch
        {
            "digits" => (Digits.Load(), new[] { 64, 128, 10 }),
            "mnist" => (RandomMnist(), new[] { 784, 256, 256, 10 }),
            _ => throw new ArgumentException($"Unknown shape '{shape}'.", nameof(shape)),
        };
        var net = new Mlp(sizes, seed: 1);
        var adam = new Adam<float>(0.001) { MeasureGradientNorm = false, Threads = threads };
        var sampler = new MinibatchSampler(data.Rows, batch, seed: 1);
        int steps = Math.Max(1, Math.Min(sampler.BatchCount, shape == "mnist" ? 200_000 / batch : sampler.BatchCount));
        void Steps()
        {
            sampler.NextEpoch();
            for (int b = 0; b < steps; b++)
            {
                net.LoadBatch(data, sampler.Batch(b));
                adam.Step(net.Parameters, net.Gradients, net.LossAndGradient);
            }
        }

        MatMul.Threads = threads; // only the large products split (see MatMul.ParallelFlops)
        double seconds;
        try { seconds = Timing.SecondsPerCall(Steps, samples: 3, minSeconds: Timing.MinSeconds * 1.5); }
        finally { MatMul.Threads = 1; }
        return new BenchRecord("mlp", shape, threads, new Dictionary<string, double> { ["samples_per_s"] = steps * (double)batch / seconds })
        {
            Shape = shape,
            Batch = batch,
        };
    }

    private static Dataset RandomMnist()
    {
        const int rows = 60_000, columns = 784;
        var random = new Random(7);
        var features = new float[rows * columns];
        for (int i = 0; i < features.Length; i += 2)
        {
            // Box–Muller: two N(0,1) values from two uniforms.
            double u = 1 - random.NextDouble(), v = random.NextDouble();
            double radius = Math.Sqrt(-2 * Math.Log(u));
            features[i] = (float)(radius * Math.Cos(2 * Math.PI * v));
            features[i + 1] = (float)(radius * Math.Sin(2 * Math.PI * v));
        }

        var labels = new int[rows];
        for (int i = 0; i < rows; i++) labels[i] = random.Next(10);
        return new Dataset("mnist-sized random", features, rows, columns, labels, classCount: 10);
    }
}
