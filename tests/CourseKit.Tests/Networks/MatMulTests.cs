using CourseKit.Networks;

namespace CourseKit.Tests.Networks;

public class MatMulTests
{
    // Odd sizes on purpose: below, at and above the vector width, the 4-row tile and the blocks.
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 1, 1 }, { 3, 5, 7 }, { 4, 8, 16 }, { 5, 17, 9 }, { 7, 3, 33 }, { 13, 64, 10 }, { 32, 65, 64 },
        { 9, 300, 31 }, { 6, 7, 530 }, { 37, 259, 1041 },
        // C at most 16 wide with 16-row blocks: the dot kernel, every column group (8, 4, 2, 1) and a k tail.
        { 16, 64, 10 }, { 48, 256, 15 }, { 35, 37, 16 }, { 33, 1100, 13 }, { 64, 16, 1 }, { 17, 3, 7 },
        // Bᵀ packed by 16×16 squares that read past k (the 10-deep input gradient), up to B's last row.
        { 40, 10, 256 }, { 33, 10, 48 }, { 9, 21, 64 },
        // An empty C.
        { 5, 3, 0 }, { 32, 3, 0 },
    };

    [Theory, MemberData(nameof(Shapes))]
    public void Multiply_matches_the_triple_loop(int m, int k, int n)
    {
        var (a, b) = (Random(m * k, 1), Random(k * n, 2));
        var expected = Naive(m, k, n, (i, p) => a[i * k + p], (p, j) => b[p * n + j]);
        var c = new float[m * n];
        MatMul.Multiply(a, b, c, m, k, n);
        AssertClose(expected, c, k);
    }

    [Theory, MemberData(nameof(Shapes))]
    public void MultiplyTransposedA_matches_the_triple_loop(int m, int k, int n)
    {
        var (a, b) = (Random(k * m, 3), Random(k * n, 4)); // A stored k × m
        var expected = Naive(m, k, n, (i, p) => a[p * m + i], (p, j) => b[p * n + j]);
        var c = new float[m * n];
        MatMul.MultiplyTransposedA(a, b, c, m, k, n);
        AssertClose(expected, c, k);
    }

    [Theory, MemberData(nameof(Shapes))]
    public void MultiplyTransposedB_matches_the_triple_loop(int m, int k, int n)
    {
        var (a, b) = (Random(m * k, 5), Random(n * k, 6)); // B stored n × k
        var expected = Naive(m, k, n, (i, p) => a[i * k + p], (p, j) => b[j * k + p]);
        var c = new float[m * n];
        MatMul.MultiplyTransposedB(a, b, c, m, k, n);
        AssertClose(expected, c, k);
    }

    [Fact]
    public void Accumulate_adds_to_C_and_overwrite_ignores_it()
    {
        int m = 11, k = 19, n = 21;
        var (a, b, c0) = (Random(m * k, 7), Random(k * n, 8), Random(m * n, 9));
        var product = Naive(m, k, n, (i, p) => a[i * k + p], (p, j) => b[p * n + j]);

        var c = (float[])c0.Clone();
        MatMul.Multiply(a, b, c, m, k, n, accumulate: true);
        AssertClose(product.Zip(c0, (x, y) => x + y).ToArray(), c, k);

        var bt = new float[n * k];
        for (int p = 0; p < k; p++) for (int j = 0; j < n; j++) bt[j * k + p] = b[p * n + j];
        c = (float[])c0.Clone();
        MatMul.MultiplyTransposedB(a, bt, c, m, k, n, accumulate: true);
        AssertClose(product.Zip(c0, (x, y) => x + y).ToArray(), c, k);

        c = (float[])c0.Clone();
        MatMul.Multiply(a, b, c, m, k, n);
        AssertClose(product, c, k);
    }

    // Accumulation across several k panels (k > 256) and partial 8-row / 32-column edge tiles, in all three shapes.
    [Theory]
    [InlineData(3, 300, 17)]
    [InlineData(10, 513, 33)]
    [InlineData(17, 257, 50)]
    [InlineData(35, 300, 10)] // C 10 wide: the dot kernel, the row kernel for the last 3 rows
    [InlineData(35, 1030, 13)] // and with k in three stretches (512 + 512 + 6)
    public void Every_shape_accumulates_over_k_panels_and_edge_tiles(int m, int k, int n)
    {
        var (a, b, c0) = (Random(m * k, 10), Random(k * n, 11), Random(m * n, 12));
        var product = Naive(m, k, n, (i, p) => a[i * k + p], (p, j) => b[p * n + j]);
        var expected = product.Zip(c0, (x, y) => x + y).ToArray();

        var c = (float[])c0.Clone();
        MatMul.Multiply(a, b, c, m, k, n, accumulate: true);
        AssertClose(expected, c, k);

        var at = new float[k * m];
        for (int i = 0; i < m; i++) for (int p = 0; p < k; p++) at[p * m + i] = a[i * k + p];
        c = (float[])c0.Clone();
        MatMul.MultiplyTransposedA(at, b, c, m, k, n, accumulate: true);
        AssertClose(expected, c, k);

        var bt = new float[n * k];
        for (int p = 0; p < k; p++) for (int j = 0; j < n; j++) bt[j * k + p] = b[p * n + j];
        c = (float[])c0.Clone();
        MatMul.MultiplyTransposedB(a, bt, c, m, k, n, accumulate: true);
        AssertClose(expected, c, k);
    }

    // C with at most 16 columns runs the row kernel (32-row tiles, column groups of at most 12): every width,
    // m below, at and above the tile and not a multiple of it, k across the 256 block boundary.
    public static TheoryData<int, int, int> NarrowShapes()
    {
        var data = new TheoryData<int, int, int>();
        foreach (int n in Enumerable.Range(1, 16)) data.Add(33, 19, n);
        foreach (int m in new[] { 1, 31, 32, 33, 130 }) data.Add(m, 300, 10);
        foreach (int k in new[] { 1, 16, 255, 256, 257, 513 }) data.Add(64, k, 13);
        data.Add(130, 513, 16);
        data.Add(97, 40, 12);
        return data;
    }

    [Theory, MemberData(nameof(NarrowShapes))]
    public void Narrow_C_matches_the_triple_loop_in_every_shape_overwriting_and_accumulating(int m, int k, int n)
    {
        var (a, b, c0) = (Random(m * k, 20), Random(k * n, 21), Random(m * n, 22));
        var product = Naive(m, k, n, (i, p) => a[i * k + p], (p, j) => b[p * n + j]);
        var sum = product.Zip(c0, (x, y) => x + y).ToArray();
        var at = new float[k * m];
        for (int i = 0; i < m; i++) for (int p = 0; p < k; p++) at[p * m + i] = a[i * k + p];
        var bt = new float[n * k];
        for (int p = 0; p < k; p++) for (int j = 0; j < n; j++) bt[j * k + p] = b[p * n + j];

        foreach (bool accumulate in new[] { false, true })
        {
            var expected = accumulate ? sum : product;
            var c = (float[])c0.Clone();
            MatMul.Multiply(a, b, c, m, k, n, accumulate);
            AssertClose(expected, c, k);
            c = (float[])c0.Clone();
            MatMul.MultiplyTransposedA(at, b, c, m, k, n, accumulate);
            AssertClose(expected, c, k);
            c = (float[])c0.Clone();
            MatMul.MultiplyTransposedB(a, bt, c, m, k, n, accumulate);
            AssertClose(expected, c, k);
        }
    }

    // The column kernel (n = 13) and the row kernel for narrow C (n = 10) both stop at C's last element.
    [Theory]
    [InlineData(9, 5, 13, 13)]
    [InlineData(37, 20, 10, 23)]
    public void Elements_of_C_beyond_m_by_n_are_left_alone(int m, int k, int n, int seed)
    {
        var (a, b) = (Random(m * k, seed), Random(k * n, seed + 1));
        var c = Enumerable.Repeat(42f, m * n + 7).ToArray();
        MatMul.Multiply(a, b, c, m, k, n);
        Assert.All(c[(m * n)..], v => Assert.Equal(42f, v));
        AssertClose(Naive(m, k, n, (i, p) => a[i * k + p], (p, j) => b[p * n + j]), c[..(m * n)], k);
    }

    [Fact]
    public void Threads_below_one_are_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MatMul.Threads = 0);

    [Fact]
    public void Too_small_buffers_are_rejected_with_the_shape()
    {
        var ex = Assert.Throws<ArgumentException>(() => MatMul.Multiply(new float[5], new float[6], new float[6], 2, 3, 2));
        Assert.Contains("2×3", ex.Message);
    }

    private static double[] Naive(int m, int k, int n, Func<int, int, float> a, Func<int, int, float> b)
    {
        var c = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int p = 0; p < k; p++) s += (double)a(i, p) * b(p, j);
                c[i * n + j] = s;
            }
        return c;
    }

    private static void AssertClose(double[] expected, float[] actual, int k)
    {
        Assert.Equal(expected.Length, actual.Length);
        double tol = 1e-6 * Math.Sqrt(k) * 4 + 1e-6; // float rounding grows like √k for random signs
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tol * Math.Max(1, Math.Sqrt(k)),
                $"C[{i}]: expected {expected[i]}, got {actual[i]}");
    }

    private static float[] Random(int length, int seed)
    {
        var r = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => (float)(r.NextDouble() * 2 - 1)).ToArray();
    }
}
