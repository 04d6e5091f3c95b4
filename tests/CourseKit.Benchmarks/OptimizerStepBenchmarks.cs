using BenchmarkDotNet.Attributes;
using CourseKit.Optimizers;

namespace CourseKit.Benchmarks;

/// <summary>One optimizer step over a flat float32 vector (the gradient is already there), single thread.</summary>
[MemoryDiagnoser]
public class OptimizerStepBenchmarks
{
    private float[] _theta = [], _gradient = [];
    private Optimizer<float> _optimizer = null!;
    private static readonly GradientFunction<float> GradientAlreadyThere = static (_, _) => 0f;

    [Params("sgd", "momentum", "adam")]
    public string Name { get; set; } = "adam";

    [Params(1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _theta = new float[N];
        _gradient = new float[N];
        for (int i = 0; i < N; i++) (_theta[i], _gradient[i]) = ((float)random.NextDouble(), (float)(random.NextDouble() - 0.5) * 1e-3f);
        _optimizer = OptimizerFactory.Create<float>(Name);
        _optimizer.MeasureGradientNorm = false;
        _optimizer.Step(_theta, _gradient, GradientAlreadyThere); // state allocated on the first step
    }

    [Benchmark]
    public float Step() => _optimizer.Step(_theta, _gradient, GradientAlreadyThere);
}
