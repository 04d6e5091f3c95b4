using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CourseKit.Networks;

/// <summary>
/// The one matrix-multiply kernel the network needs (row-major float32, packed, register-blocked SIMD
/// with FMA), in the three shapes backprop asks for:
/// <code>
/// forward      Z  = X · W        Multiply
/// weight grad  dW = Xᵀ · dZ      MultiplyTransposedA
/// input grad   dX = dZ · Wᵀ      MultiplyTransposedB
/// </code>
/// Each writes C (m×n), or adds to it when <c>accumulate</c> is true.
/// </summary>
/// <remarks>
/// <para>
/// All three shapes run through one loop nest (the GotoBLAS/BLIS scheme). A is read through two
/// strides, so A and Aᵀ differ only in the strides; B is <em>packed</em>: for each block of
/// <see cref="KBlock"/> rows of the summed index and each strip of 32 columns, B's values are copied
/// into a small contiguous panel (zero-padded at the right edge). Packing is also where Bᵀ is handled:
/// the panel is filled from B's columns instead of its rows, so no separate kernel is needed.
/// </para>
/// <para>
/// The micro-kernel (<see cref="MatMulKernel"/>) keeps an 8-row × 32-column tile of C in 16 vector
/// registers while p runs over the panel: per p it loads two vectors of B and broadcasts eight
/// values of A, so each loaded B vector feeds eight fused multiply-adds. The panel (32 KiB) stays in
/// the L1 cache while every 8-row block of A sweeps over it.
/// </para>
/// <para>
/// The summation order is fixed, so the result is bit-for-bit reproducible on a given machine.
/// Nothing is allocated per call (the panel buffers are per thread, made once).
/// </para>
/// </remarks>
public static class MatMul
{
    /// <summary>Rows of B (the summed index) per packed panel.</summary>
    public const int KBlock = 256;

    /// <summary>C (m×n) = A (m×k) · B (k×n), or C += A·B.</summary>
    public static void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n, bool accumulate = false)
    {
        Check(a, b, c, m, k, n);
        Gemm(a, aRow: k, aCol: 1, b, bTransposed: false, c, m, k, n, accumulate);
    }

    /// <summary>C (m×n) = Aᵀ · B with A stored k×m and B k×n, or C += Aᵀ·B.</summary>
    public static void MultiplyTransposedA(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n, bool accumulate = false)
    {
        Check(a, b, c, m, k, n);
        Gemm(a, aRow: 1, aCol: m, b, bTransposed: false, c, m, k, n, accumulate);
    }

    /// <summary>C (m×n) = A · Bᵀ with A stored m×k and B n×k, or C += A·Bᵀ.</summary>
    public static void MultiplyTransposedB(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n, bool accumulate = false)
    {
        Check(a, b, c, m, k, n);
        Gemm(a, aRow: k, aCol: 1, b, bTransposed: true, c, m, k, n, accumulate);
    }

    // C[i,j] (+)= Σ_p a(i,p)·b(p,j) with a(i,p) = A[i*aRow + p*aCol] and b(p,j) = B[p*n + j] (or B[j*k + p]).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Gemm(ReadOnlySpan<float> a, int aRow, int aCol, ReadOnlySpan<float> b, bool bTransposed, Span<float> c,
        int m, int k, int n, bool accumulate)
    {
        if (!accumulate) c[..(m * n)].Clear();
        if (k == 0 || m == 0 || n == 0) return;
        var scratch = Scratch.ForThisThread;
        ref float a0 = ref MemoryMarshal.GetReference(a);
        ref float b0 = ref MemoryMarshal.GetReference(b);
        ref float c0 = ref MemoryMarshal.GetReference(c);
        ref float panel = ref MemoryMarshal.GetArrayDataReference(scratch.Panel);
        for (int kb = 0; kb < k; kb += KBlock)
        {
            int kc = Math.Min(KBlock, k - kb);
            for (int j = 0; j < n; j += MatMulKernel.NR)
            {
                int cols = Math.Min(MatMulKernel.NR, n - j);
                // A strip of at most 16 columns runs the half-width kernel (the network's 10-wide output layer).
                int width = cols <= MatMulKernel.NR / 2 ? MatMulKernel.NR / 2 : MatMulKernel.NR;
                if (bTransposed) PackTransposed(ref b0, k, kb, kc, j, cols, width, ref panel);
                else Pack(ref b0, n, kb, kc, j, cols, width, ref panel);
                for (int i = 0; i < m; i += MatMulKernel.MR)
                {
                    int rows = Math.Min(MatMulKernel.MR, m - i);
                    ref float ai = ref Unsafe.Add(ref a0, (nint)i * aRow + (nint)kb * aCol);
                    ref float cij = ref Unsafe.Add(ref c0, (nint)i * n + j);
                    if (rows == MatMulKernel.MR && cols == width)
                        MatMulKernel.Run(ref ai, aRow, aCol, ref panel, width, kc, ref cij, n);
                    else
                        EdgeTile(ref ai, aRow, aCol, ref panel, width, kc, ref cij, n, rows, cols, scratch);
                }
            }
        }
    }

    // A tile that sticks out of C (or out of A's rows): A's rows are copied into a zero-padded block, C's
    // valid part into a full-size tile, the kernel runs on those, and the valid part is copied back.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void EdgeTile(ref float a, int aRow, int aCol, ref float panel, int width, int kc, ref float c, int ldc,
        int rows, int cols, Scratch scratch)
    {
        const int MR = MatMulKernel.MR, NR = MatMulKernel.NR;
        ref float tile = ref MemoryMarshal.GetArrayDataReference(scratch.Tile);
        ref float rowsBlock = ref MemoryMarshal.GetArrayDataReference(scratch.Rows);
        Array.Clear(scratch.Tile);
        for (int r = 0; r < rows; r++)
            for (int q = 0; q < cols; q++) Unsafe.Add(ref tile, r * NR + q) = Unsafe.Add(ref c, (nint)r * ldc + q);
        if (rows == MR)
        {
            MatMulKernel.Run(ref a, aRow, aCol, ref panel, width, kc, ref tile, NR);
        }
        else
        {
            // Packed as [p][r], so the kernel reads it with row stride 1 and column stride MR.
            Array.Clear(scratch.Rows);
            for (int p = 0; p < kc; p++)
                for (int r = 0; r < rows; r++) Unsafe.Add(ref rowsBlock, p * MR + r) = Unsafe.Add(ref a, (nint)r * aRow + (nint)p * aCol);
            MatMulKernel.Run(ref rowsBlock, 1, MR, ref panel, width, kc, ref tile, NR);
        }
        for (int r = 0; r < rows; r++)
            for (int q = 0; q < cols; q++) Unsafe.Add(ref c, (nint)r * ldc + q) = Unsafe.Add(ref tile, r * NR + q);
    }

    // panel[p*width + q] = B[(kb+p)*n + j+q] for q < cols, 0 beyond.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Pack(ref float b, int n, int kb, int kc, int j, int cols, int width, ref float panel)
    {
        for (int p = 0; p < kc; p++)
        {
            ref float src = ref Unsafe.Add(ref b, (nint)(kb + p) * n + j);
            ref float dst = ref Unsafe.Add(ref panel, p * width);
            if (cols == width) MemoryMarshal.CreateReadOnlySpan(ref src, width).CopyTo(MemoryMarshal.CreateSpan(ref dst, width));
            else
            {
                int q = 0;
                for (; q < cols; q++) Unsafe.Add(ref dst, q) = Unsafe.Add(ref src, q);
                for (; q < width; q++) Unsafe.Add(ref dst, q) = 0f;
            }
        }
    }

    // panel[p*width + q] = B[(j+q)*k + kb+p] for q < cols, 0 beyond: B's rows become the panel's columns.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackTransposed(ref float b, int k, int kb, int kc, int j, int cols, int width, ref float panel)
    {
        if (cols < width) MemoryMarshal.CreateSpan(ref panel, kc * width).Clear();
        for (int q = 0; q < cols; q++)
        {
            ref float src = ref Unsafe.Add(ref b, (nint)(j + q) * k + kb);
            ref float dst = ref Unsafe.Add(ref panel, q);
            for (int p = 0; p < kc; p++) Unsafe.Add(ref dst, p * width) = Unsafe.Add(ref src, p);
        }
    }

    private static void Check(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (a.Length < (long)m * k) throw new ArgumentException($"A needs {(long)m * k} elements for {m}×{k}; it has {a.Length}.", nameof(a));
        if (b.Length < (long)k * n) throw new ArgumentException($"B needs {(long)k * n} elements for {k}×{n}; it has {b.Length}.", nameof(b));
        if (c.Length < (long)m * n) throw new ArgumentException($"C needs {(long)m * n} elements for {m}×{n}; it has {c.Length}.", nameof(c));
    }

    // Per-thread buffers, made once: the packed B panel, a padded block of A's rows and a C tile.
    private sealed class Scratch
    {
        [ThreadStatic] private static Scratch? _current;

        public readonly float[] Panel = new float[KBlock * MatMulKernel.NR];
        public readonly float[] Rows = new float[KBlock * MatMulKernel.MR];
        public readonly float[] Tile = new float[MatMulKernel.MR * MatMulKernel.NR];

        public static Scratch ForThisThread => _current ??= new Scratch();
    }
}
