using BenchmarkDotNet.Attributes;
using CourseKit.Networks;

namespace CourseKit.Benchmarks;

/// <summary>
/// The MNIST-sized MLP's three products per layer (784-256-256-10) at batch 128 and 1024:
/// forward X·W, weight gradient Xᵀ·dZ, input gradient dZ·Wᵀ. GFLOP/s = 2·m·k·n / time.
/// </summary>
[MemoryDiagnoser]
public class GemmBenchmarks
{
    private float[] _x = [], _w = [], _y = [], _dy = [], _dw = [], _dx = [];

    [Params(128, 1024)]
    public int Batch { get; set; }

    [Params("784x256", "256x256", "256x10")]
    public string Layer { get; set; } = "784x256";

    private int _k, _n;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        float[] Fill(int length) => Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        int m = Batch, k = _k = int.Parse(Layer.Split('x')[0]), n = _n = int.Parse(Layer.Split('x')[1]);
        (_x, _w, _dy) = (Fill(m * k), Fill(k * n), Fill(m * n));
        (_y, _dw, _dx) = (new float[m * n], new float[k * n], new float[m * k]);
    }

    [Benchmark]
    public void Forward() => MatMul.Multiply(_x, _w, _y, Batch, _k, _n);

    [Benchmark]
    public void WeightGradient() => MatMul.MultiplyTransposedA(_x, _dy, _dw, _k, Batch, _n);

    [Benchmark]
    public void InputGradient() => MatMul.MultiplyTransposedB(_dy, _w, _dx, Batch, _n, _k);
}
