using CourseKit.Networks;

namespace CourseKit.Tests.Networks;

// MatMul.Threads is process-wide, so this class runs alone: no other test sees it set to 2.
[CollectionDefinition(nameof(MatMulThreadsTests), DisableParallelization = true)]
public class MatMulThreadsCollection;

[Collection(nameof(MatMulThreadsTests))]
public class MatMulThreadsTests
{
    [Fact]
    public void Splitting_rows_across_threads_gives_bit_identical_results()
    {
        // Big enough to pass the parallel threshold; m is not a multiple of the thread count's tile share.
        int m = 523, k = 260, n = 250;
        Assert.True(2L * m * k * n >= MatMul.ParallelFlops);
        var (a, b, c0) = (Random(m * k, 15), Random(k * n, 16), Random(m * n, 17));
        var at = new float[k * m];
        for (int i = 0; i < m; i++) for (int p = 0; p < k; p++) at[p * m + i] = a[i * k + p];
        var bt = new float[n * k];
        for (int p = 0; p < k; p++) for (int j = 0; j < n; j++) bt[j * k + p] = b[p * n + j];

        float[][] Run()
        {
            float[] c1 = new float[m * n], c2 = new float[m * n], c3 = (float[])c0.Clone();
            MatMul.Multiply(a, b, c1, m, k, n);
            MatMul.MultiplyTransposedA(at, b, c2, m, k, n);
            MatMul.MultiplyTransposedB(a, bt, c3, m, k, n, accumulate: true);
            return [c1, c2, c3];
        }

        var single = Run();
        try
        {
            MatMul.Threads = 2;
            var split = Run();
            for (int r = 0; r < 3; r++) Assert.Equal(single[r], split[r]);
        }
        finally
        {
            MatMul.Threads = 1;
        }
        var naive = new float[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int p = 0; p < k; p++) sum += (double)a[i * k + p] * b[p * n + j];
                naive[i * n + j] = (float)sum;
            }
        AssertClose(naive, single[0]);
    }

    // C with at most 16 columns takes the row kernel, whose tiles are 32 rows; m is not a multiple of them.
    [Theory]
    [InlineData(10)]
    [InlineData(16)]
    public void Splitting_rows_of_a_narrow_product_gives_bit_identical_results(int n)
    {
        int m = 12_337, k = 300;
        Assert.True(2L * m * k * n >= MatMul.ParallelFlops);
        var (a, b, c0) = (Random(m * k, 18), Random(k * n, 19), Random(m * n, 20));
        var at = new float[k * m];
        for (int i = 0; i < m; i++) for (int p = 0; p < k; p++) at[p * m + i] = a[i * k + p];
        var bt = new float[n * k];
        for (int p = 0; p < k; p++) for (int j = 0; j < n; j++) bt[j * k + p] = b[p * n + j];

        float[][] Run()
        {
            float[] c1 = new float[m * n], c2 = (float[])c0.Clone(), c3 = new float[m * n];
            MatMul.Multiply(a, b, c1, m, k, n);
            MatMul.MultiplyTransposedA(at, b, c2, m, k, n, accumulate: true);
            MatMul.MultiplyTransposedB(a, bt, c3, m, k, n);
            return [c1, c2, c3];
        }

        var single = Run();
        try
        {
            MatMul.Threads = 2;
            var split = Run();
            for (int r = 0; r < 3; r++) Assert.Equal(single[r], split[r]);
        }
        finally
        {
            MatMul.Threads = 1;
        }
    }

    private static float[] Random(int length, int seed)
    {
        var r = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => (float)(r.NextDouble() * 2 - 1)).ToArray();
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-3f, $"C[{i}]: expected {expected[i]}, got {actual[i]}");
    }
}
