using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CourseKit.Networks;

/// <summary>
/// The one matrix-multiply kernel the network needs (row-major float32, blocked, SIMD with FMA), in
/// the three shapes backprop asks for:
/// <code>
/// forward      Z  = X · W        Multiply
/// weight grad  dW = Xᵀ · dZ      MultiplyTransposedA
/// input grad   dX = dZ · Wᵀ      MultiplyTransposedB
/// </code>
/// Each writes C (m×n), or adds to it when <c>accumulate</c> is true.
/// </summary>
/// <remarks>
/// <para>
/// C = A·B and C = Aᵀ·B share one loop nest: C's rows are built from rows of B, scaled by entries of A
/// (<c>C[i,:] += A[i,p]·B[p,:]</c>), so B and C are read along their contiguous rows and the only
/// difference between A and Aᵀ is the stride used to fetch the scalar A[i,p]. The micro-kernel keeps a
/// 4-row × 2-vector tile of C in registers while p runs over a block of B's rows: each loaded B vector
/// is used four times, each broadcast A value twice.
/// </para>
/// <para>
/// C = A·Bᵀ has B's rows along the summed index, so there each C[i,j] is a dot product of two
/// contiguous rows; a 2×2 tile of dot products shares its loads.
/// </para>
/// <para>
/// Blocking: k is cut into panels of <see cref="KBlock"/> rows of B and n into panels of
/// <see cref="NBlock"/> columns, so the B panel a tile sweeps over stays in cache. The summation
/// order is fixed, so the result is bit-for-bit reproducible on a given machine. Nothing is allocated.
/// </para>
/// </remarks>
public static class MatMul
{
    /// <summary>Rows of B (the summed index) per panel.</summary>
    public const int KBlock = 256;

    /// <summary>Columns of B and C per panel (a multiple of twice the vector width).</summary>
    public const int NBlock = 512;

    private static readonly int W = Vector<float>.Count;

    /// <summary>C (m×n) = A (m×k) · B (k×n), or C += A·B.</summary>
    public static void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n, bool accumulate = false)
    {
        Check(a, b, c, m, k, n);
        AxpyKernel(a, rowStride: k, colStride: 1, b, c, m, k, n, accumulate);
    }

    /// <summary>C (m×n) = Aᵀ · B with A stored k×m and B k×n, or C += Aᵀ·B.</summary>
    public static void MultiplyTransposedA(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n, bool accumulate = false)
    {
        Check(a, b, c, m, k, n);
        AxpyKernel(a, rowStride: 1, colStride: m, b, c, m, k, n, accumulate);
    }

    /// <summary>C (m×n) = A · Bᵀ with A stored m×k and B n×k, or C += A·Bᵀ.</summary>
    public static void MultiplyTransposedB(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n, bool accumulate = false)
    {
        Check(a, b, c, m, k, n);
        if (!accumulate) c[..(m * n)].Clear();
        ref float a0 = ref MemoryMarshal.GetReference(a);
        ref float b0 = ref MemoryMarshal.GetReference(b);
        ref float c0 = ref MemoryMarshal.GetReference(c);
        for (int kb = 0; kb < k; kb += KBlock)
        {
            int kLen = Math.Min(KBlock, k - kb);
            int i = 0;
            for (; i + 2 <= m; i += 2)
            {
                int j = 0;
                for (; j + 2 <= n; j += 2) Dot2x2(ref a0, ref b0, ref c0, i, j, kb, kLen, k, n);
                if (j < n) { DotInto(ref a0, ref b0, ref c0, i, j, kb, kLen, k, n); DotInto(ref a0, ref b0, ref c0, i + 1, j, kb, kLen, k, n); }
            }
            if (i < m)
                for (int j = 0; j < n; j++) DotInto(ref a0, ref b0, ref c0, i, j, kb, kLen, k, n);
        }
    }

    // C[i,:] += Σ_p a(i,p) B[p,:] where a(i,p) = A[i*rowStride + p*colStride].
    private static void AxpyKernel(ReadOnlySpan<float> a, int rowStride, int colStride, ReadOnlySpan<float> b, Span<float> c,
        int m, int k, int n, bool accumulate)
    {
        if (!accumulate) c[..(m * n)].Clear();
        if (k == 0) return;
        ref float a0 = ref MemoryMarshal.GetReference(a);
        ref float b0 = ref MemoryMarshal.GetReference(b);
        ref float c0 = ref MemoryMarshal.GetReference(c);
        for (int nb = 0; nb < n; nb += NBlock)
        {
            int nEnd = Math.Min(nb + NBlock, n);
            for (int kb = 0; kb < k; kb += KBlock)
            {
                int kEnd = Math.Min(kb + KBlock, k);
                int i = 0;
                for (; i + 4 <= m; i += 4) Rows4(ref a0, rowStride, colStride, ref b0, ref c0, i, nb, nEnd, kb, kEnd, n);
                for (; i < m; i++) Rows1(ref a0, rowStride, colStride, ref b0, ref c0, i, nb, nEnd, kb, kEnd, n);
            }
        }
    }

    // Four rows of C, columns [nb, nEnd), summed over p in [kb, kEnd).
    private static void Rows4(ref float a0, int rs, int cs, ref float b0, ref float c0, int i, int nb, int nEnd, int kb, int kEnd, int n)
    {
        int j = nb;
        for (; j + 2 * W <= nEnd; j += 2 * W)
        {
            ref float c1 = ref Unsafe.Add(ref c0, i * n + j);
            ref float c2 = ref Unsafe.Add(ref c1, n);
            ref float c3 = ref Unsafe.Add(ref c2, n);
            ref float c4 = ref Unsafe.Add(ref c3, n);
            var c10 = Vector.LoadUnsafe(ref c1); var c11 = Vector.LoadUnsafe(ref c1, (nuint)W);
            var c20 = Vector.LoadUnsafe(ref c2); var c21 = Vector.LoadUnsafe(ref c2, (nuint)W);
            var c30 = Vector.LoadUnsafe(ref c3); var c31 = Vector.LoadUnsafe(ref c3, (nuint)W);
            var c40 = Vector.LoadUnsafe(ref c4); var c41 = Vector.LoadUnsafe(ref c4, (nuint)W);
            for (int p = kb; p < kEnd; p++)
            {
                ref float bp = ref Unsafe.Add(ref b0, p * n + j);
                var b_0 = Vector.LoadUnsafe(ref bp);
                var b_1 = Vector.LoadUnsafe(ref bp, (nuint)W);
                ref float ai = ref Unsafe.Add(ref a0, i * rs + p * cs);
                var a1 = new Vector<float>(ai);
                var a2 = new Vector<float>(Unsafe.Add(ref ai, rs));
                var a3 = new Vector<float>(Unsafe.Add(ref ai, 2 * rs));
                var a4 = new Vector<float>(Unsafe.Add(ref ai, 3 * rs));
                c10 = Vector.FusedMultiplyAdd(a1, b_0, c10); c11 = Vector.FusedMultiplyAdd(a1, b_1, c11);
                c20 = Vector.FusedMultiplyAdd(a2, b_0, c20); c21 = Vector.FusedMultiplyAdd(a2, b_1, c21);
                c30 = Vector.FusedMultiplyAdd(a3, b_0, c30); c31 = Vector.FusedMultiplyAdd(a3, b_1, c31);
                c40 = Vector.FusedMultiplyAdd(a4, b_0, c40); c41 = Vector.FusedMultiplyAdd(a4, b_1, c41);
            }
            c10.StoreUnsafe(ref c1); c11.StoreUnsafe(ref c1, (nuint)W);
            c20.StoreUnsafe(ref c2); c21.StoreUnsafe(ref c2, (nuint)W);
            c30.StoreUnsafe(ref c3); c31.StoreUnsafe(ref c3, (nuint)W);
            c40.StoreUnsafe(ref c4); c41.StoreUnsafe(ref c4, (nuint)W);
        }
        // Columns left over after the 2-vector tiles: one vector, then single columns, still four rows
        // at a time so the four sums are independent chains.
        if (j + W <= nEnd)
        {
            ref float c1 = ref Unsafe.Add(ref c0, i * n + j);
            var s1 = Vector.LoadUnsafe(ref c1); var s2 = Vector.LoadUnsafe(ref c1, (nuint)n);
            var s3 = Vector.LoadUnsafe(ref c1, (nuint)(2 * n)); var s4 = Vector.LoadUnsafe(ref c1, (nuint)(3 * n));
            for (int p = kb; p < kEnd; p++)
            {
                var bp = Vector.LoadUnsafe(ref b0, (nuint)(p * n + j));
                ref float ai = ref Unsafe.Add(ref a0, i * rs + p * cs);
                s1 = Vector.FusedMultiplyAdd(new Vector<float>(ai), bp, s1);
                s2 = Vector.FusedMultiplyAdd(new Vector<float>(Unsafe.Add(ref ai, rs)), bp, s2);
                s3 = Vector.FusedMultiplyAdd(new Vector<float>(Unsafe.Add(ref ai, 2 * rs)), bp, s3);
                s4 = Vector.FusedMultiplyAdd(new Vector<float>(Unsafe.Add(ref ai, 3 * rs)), bp, s4);
            }
            s1.StoreUnsafe(ref c1); s2.StoreUnsafe(ref c1, (nuint)n);
            s3.StoreUnsafe(ref c1, (nuint)(2 * n)); s4.StoreUnsafe(ref c1, (nuint)(3 * n));
            j += W;
        }
        for (; j < nEnd; j++)
        {
            ref float c1 = ref Unsafe.Add(ref c0, i * n + j);
            float s1 = c1, s2 = Unsafe.Add(ref c1, n), s3 = Unsafe.Add(ref c1, 2 * n), s4 = Unsafe.Add(ref c1, 3 * n);
            for (int p = kb; p < kEnd; p++)
            {
                float bp = Unsafe.Add(ref b0, p * n + j);
                ref float ai = ref Unsafe.Add(ref a0, i * rs + p * cs);
                s1 = MathF.FusedMultiplyAdd(ai, bp, s1);
                s2 = MathF.FusedMultiplyAdd(Unsafe.Add(ref ai, rs), bp, s2);
                s3 = MathF.FusedMultiplyAdd(Unsafe.Add(ref ai, 2 * rs), bp, s3);
                s4 = MathF.FusedMultiplyAdd(Unsafe.Add(ref ai, 3 * rs), bp, s4);
            }
            c1 = s1;
            Unsafe.Add(ref c1, n) = s2;
            Unsafe.Add(ref c1, 2 * n) = s3;
            Unsafe.Add(ref c1, 3 * n) = s4;
        }
    }

    // One row of C, columns [nb, nEnd).
    private static void Rows1(ref float a0, int rs, int cs, ref float b0, ref float c0, int i, int nb, int nEnd, int kb, int kEnd, int n)
    {
        int j = nb;
        for (; j + 2 * W <= nEnd; j += 2 * W)
        {
            ref float ci = ref Unsafe.Add(ref c0, i * n + j);
            var s0 = Vector.LoadUnsafe(ref ci); var s1 = Vector.LoadUnsafe(ref ci, (nuint)W);
            for (int p = kb; p < kEnd; p++)
            {
                ref float bp = ref Unsafe.Add(ref b0, p * n + j);
                var ai = new Vector<float>(Unsafe.Add(ref a0, i * rs + p * cs));
                s0 = Vector.FusedMultiplyAdd(ai, Vector.LoadUnsafe(ref bp), s0);
                s1 = Vector.FusedMultiplyAdd(ai, Vector.LoadUnsafe(ref bp, (nuint)W), s1);
            }
            s0.StoreUnsafe(ref ci); s1.StoreUnsafe(ref ci, (nuint)W);
        }
        if (j < nEnd) RowTail(ref a0, rs, cs, ref b0, ref c0, i, j, nEnd, kb, kEnd, n);
    }

    // One row of C, the last few columns: one vector if it fits, then scalars.
    private static void RowTail(ref float a0, int rs, int cs, ref float b0, ref float c0, int i, int j, int nEnd, int kb, int kEnd, int n)
    {
        if (j + W <= nEnd)
        {
            ref float ci = ref Unsafe.Add(ref c0, i * n + j);
            var s = Vector.LoadUnsafe(ref ci);
            for (int p = kb; p < kEnd; p++)
                s = Vector.FusedMultiplyAdd(new Vector<float>(Unsafe.Add(ref a0, i * rs + p * cs)), Vector.LoadUnsafe(ref b0, (nuint)(p * n + j)), s);
            s.StoreUnsafe(ref ci);
            j += W;
        }
        for (; j < nEnd; j++)
        {
            float s = Unsafe.Add(ref c0, i * n + j);
            for (int p = kb; p < kEnd; p++)
                s = MathF.FusedMultiplyAdd(Unsafe.Add(ref a0, i * rs + p * cs), Unsafe.Add(ref b0, p * n + j), s);
            Unsafe.Add(ref c0, i * n + j) = s;
        }
    }

    // C[i..i+1, j..j+1] += rows i, i+1 of A · rows j, j+1 of B over p in [kb, kb+kLen).
    private static void Dot2x2(ref float a0, ref float b0, ref float c0, int i, int j, int kb, int kLen, int k, int n)
    {
        ref float a1 = ref Unsafe.Add(ref a0, i * k + kb);
        ref float a2 = ref Unsafe.Add(ref a1, k);
        ref float b1 = ref Unsafe.Add(ref b0, j * k + kb);
        ref float b2 = ref Unsafe.Add(ref b1, k);
        Vector<float> s11 = default, s12 = default, s21 = default, s22 = default;
        int p = 0;
        for (; p + W <= kLen; p += W)
        {
            var x1 = Vector.LoadUnsafe(ref a1, (nuint)p); var x2 = Vector.LoadUnsafe(ref a2, (nuint)p);
            var y1 = Vector.LoadUnsafe(ref b1, (nuint)p); var y2 = Vector.LoadUnsafe(ref b2, (nuint)p);
            s11 = Vector.FusedMultiplyAdd(x1, y1, s11); s12 = Vector.FusedMultiplyAdd(x1, y2, s12);
            s21 = Vector.FusedMultiplyAdd(x2, y1, s21); s22 = Vector.FusedMultiplyAdd(x2, y2, s22);
        }
        float t11 = Vector.Sum(s11), t12 = Vector.Sum(s12), t21 = Vector.Sum(s21), t22 = Vector.Sum(s22);
        for (; p < kLen; p++)
        {
            float x1 = Unsafe.Add(ref a1, p), x2 = Unsafe.Add(ref a2, p), y1 = Unsafe.Add(ref b1, p), y2 = Unsafe.Add(ref b2, p);
            t11 = MathF.FusedMultiplyAdd(x1, y1, t11); t12 = MathF.FusedMultiplyAdd(x1, y2, t12);
            t21 = MathF.FusedMultiplyAdd(x2, y1, t21); t22 = MathF.FusedMultiplyAdd(x2, y2, t22);
        }
        ref float ci = ref Unsafe.Add(ref c0, i * n + j);
        ci += t11;
        Unsafe.Add(ref ci, 1) += t12;
        Unsafe.Add(ref ci, n) += t21;
        Unsafe.Add(ref ci, n + 1) += t22;
    }

    // C[i,j] += row i of A · row j of B over p in [kb, kb+kLen).
    private static void DotInto(ref float a0, ref float b0, ref float c0, int i, int j, int kb, int kLen, int k, int n)
    {
        ref float ai = ref Unsafe.Add(ref a0, i * k + kb);
        ref float bj = ref Unsafe.Add(ref b0, j * k + kb);
        Vector<float> s = default;
        int p = 0;
        for (; p + W <= kLen; p += W)
            s = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref ai, (nuint)p), Vector.LoadUnsafe(ref bj, (nuint)p), s);
        float t = Vector.Sum(s);
        for (; p < kLen; p++) t = MathF.FusedMultiplyAdd(Unsafe.Add(ref ai, p), Unsafe.Add(ref bj, p), t);
        Unsafe.Add(ref c0, i * n + j) += t;
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
}
