using CourseKit.Optimizers;

namespace CourseKit.Cli.Bench;

/// <summary>
/// One optimizer step over a flat float32 vector, in ns per parameter and effective GB/s. The bytes are
/// what the step really moves: one fused pass reads θ, ĝ and the state and writes θ and the state
/// (12, 20 or 28 B per parameter, as the peers count them), and the Nesterov variants add the pass that
/// moves θ to the interim point θ + αv before the gradient (read θ and v, write θ: 12 B more).
/// </summary>
internal static class OptimizerBench
{
    public static int BytesPerParameter(string name) => name switch
    {
        "sgd" => 12,
        "momentum" or "adagrad" or "rmsprop" => 20,
        "nesterov" => 20 + 12,
        "rmsprop-nesterov" => 28 + 12,
        _ => 28,
    };

    public static BenchRecord Run(string name, int n, int threads, double triadGBps)
    {
        float[] theta = new float[n], g = new float[n];
        var random = new Random(1);
        for (int i = 0; i < n; i++) (theta[i], g[i]) = ((float)random.NextDouble(), (float)(random.NextDouble() - 0.5) * 1e-3f);
        var optimizer = OptimizerFactory.Create<float>(name);
        optimizer.MeasureGradientNorm = false;
        optimizer.Threads = threads;
        GradientFunction<float> gradientAlreadyThere = static (_, _) => 0f; // the step alone is measured
        double seconds = Timing.SecondsPerCall(() => optimizer.Step(theta, g, gradientAlreadyThere));
        double gbps = BytesPerParameter(name) * (double)n / seconds / 1e9;
        return new BenchRecord("optimizer", name, threads, new Dictionary<string, double>
        {
            ["ns_per_param"] = seconds * 1e9 / n,
            ["gbps"] = gbps,
            ["fraction_of_triad"] = gbps / triadGBps, // of the same-thread-count triad
        }) { N = n };
    }
}
