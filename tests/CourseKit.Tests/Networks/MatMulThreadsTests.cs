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
        var (at, bt) = (Transpose(a, m, k), Transpose(b, k, n));

        var single = SameOnTwoThreadsAsOne(() =>
        {
            float[] c1 = new float[m * n], c2 = new float[m * n], c3 = (float[])c0.Clone();
            MatMul.Multiply(a, b, c1, m, k, n);
            MatMul.MultiplyTransposedA(at, b, c2, m, k, n);
            MatMul.MultiplyTransposedB(a, bt, c3, m, k, n, accumulate: true);
            return [c1, c2, c3];
        });
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
        var (at, bt) = (Transpose(a, m, k), Transpose(b, k, n));

        SameOnTwoThreadsAsOne(() =>
        {
            float[] c1 = new float[m * n], c2 = (float[])c0.Clone(), c3 = new float[m * n];
            MatMul.Multiply(a, b, c1, m, k, n);
            MatMul.MultiplyTransposedA(at, b, c2, m, k, n, accumulate: true);
            MatMul.MultiplyTransposedB(a, bt, c3, m, k, n);
            return [c1, c2, c3];
        });
    }

    // Runs the products on one thread and on two, asserts every result is bit-identical, returns the one-thread results.
    private static float[][] SameOnTwoThreadsAsOne(Func<float[][]> products)
    {
        var single = products();
        try
        {
            MatMul.Threads = 2;
            var split = products();
            for (int r = 0; r < single.Length; r++) Assert.Equal(single[r], split[r]);
        }
        finally
        {
            MatMul.Threads = 1;
        }
        return single;
    }

    // x stored rows×cols, returned stored cols×rows.
    private static float[] Transpose(float[] x, int rows, int cols)
    {
        var t = new float[x.Length];
        for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) t[j * rows + i] = x[i * cols + j];
        return t;
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
