using BenchmarkDotNet.Attributes;
using CourseKit.Data;
using CourseKit.Networks;
using CourseKit.Optimizers;

namespace CourseKit.Benchmarks;

/// <summary>
/// One training step (load the minibatch, forward, backward, Adam update), single thread, on random
/// N(0,1)-ish inputs with random labels: digits-sized 64-128-10 and MNIST-sized 784-256-256-10.
/// Samples/s = Batch / time. Allocated should read "-" (zero bytes per step).
/// </summary>
[MemoryDiagnoser]
public class MlpStepBenchmarks
{
    private Mlp _net = null!;
    private Adam<float> _adam = null!;
    private Dataset _data = null!;
    private MinibatchSampler _sampler = null!;
    private int _next;

    [Params("digits", "mnist")]
    public string Shape { get; set; } = "digits";

    [Params(32, 128, 1024)]
    public int Batch { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        int[] sizes = Shape == "digits" ? [64, 128, 10] : [784, 256, 256, 10];
        int rows = 4096, columns = sizes[0];
        var random = new Random(7);
        var features = new float[rows * columns];
        for (int i = 0; i < features.Length; i++) features[i] = (float)(random.NextDouble() * 2 - 1);
        var labels = new int[rows];
        for (int i = 0; i < rows; i++) labels[i] = random.Next(10);
        _data = new Dataset("random", features, rows, columns, labels, classCount: 10);
        _net = new Mlp(sizes, seed: 1);
        _adam = new Adam<float>(0.001) { MeasureGradientNorm = false };
        _sampler = new MinibatchSampler(rows, Batch, seed: 1);
        _sampler.NextEpoch();
        Step(); // buffers and optimizer state are made on the first step
    }

    [Benchmark]
    public float Step()
    {
        if (_next == _sampler.BatchCount) _next = 0;
        _net.LoadBatch(_data, _sampler.Batch(_next++));
        return _adam.Step(_net.Parameters, _net.Gradients, _net.LossAndGradient);
    }
}
