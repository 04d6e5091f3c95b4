using CourseKit.Optimizers;

namespace CourseKit.Tests.Optimizers;

public class ParallelSweepTests
{
    // Long enough to be split, and not a multiple of the vector width, so the last chunk has a tail.
    private const int N = (1 << 19) + 13;

    [Theory]
    [MemberData(nameof(Names))]
    public void Two_threads_give_bit_identical_results_to_one(string name)
    {
        float[] Run(int threads)
        {
            var random = new Random(3);
            float[] theta = new float[N], g = new float[N];
            for (int i = 0; i < N; i++) theta[i] = (float)random.NextDouble();
            var optimizer = OptimizerFactory.Create<float>(name);
            optimizer.Threads = threads;
            GradientFunction<float> gradient = (t, grad) =>
            {
                for (int i = 0; i < grad.Length; i++) grad[i] = t[i] * (1 + i % 5) - 0.3f;
                return 0f;
            };
            for (int k = 0; k < 3; k++) optimizer.Step(theta, g, gradient);
            return theta;
        }

        Assert.Equal(Run(1), Run(2));
    }

    [Fact]
    public void Threads_below_one_is_rejected_with_its_name()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Adam<float>().Threads = 0);
        Assert.Equal("Threads", e.ParamName);
    }

    public static TheoryData<string> Names() => [.. OptimizerFactory.Names];
}
