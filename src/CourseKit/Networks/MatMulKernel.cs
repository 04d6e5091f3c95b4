using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CourseKit.Networks;

/// <summary>
/// The register-blocked micro-kernel behind <see cref="MatMul"/>: C[0..8, 0..width) += A-block · panel,
/// where the panel holds kc rows of <c>width</c> (32 or 16) contiguous floats and a(r,p) = a[r*aRow + p*aCol].
/// </summary>
/// <remarks>
/// With AVX-512 the tile of C lives in registers for the whole p loop: 8 rows × 2 vectors of 16 = 16
/// accumulators (of the 32 zmm registers), each an independent FMA chain, enough to hide the FMA
/// latency on two FMA ports. Per p: 2 vector loads of B, 8 broadcasts of A, 16 FMAs. Without AVX-512
/// the same tile is done in 8-column slices with 256-bit vectors (8 accumulators fit the 16 ymm
/// registers); the summation order per element is the same p order either way.
/// </remarks>
internal static class MatMulKernel
{
    /// <summary>Rows of C per tile.</summary>
    public const int MR = 8;

    /// <summary>Columns of C per tile (two 512-bit vectors).</summary>
    public const int NR = 32;

    /// <summary>True when <see cref="Run"/> can take a strip narrower than its width (masked loads and stores of C).</summary>
    public static bool MasksColumns => Avx512F.IsSupported;

    // cols: columns of C to read and write (≤ width); fewer than width only where MasksColumns and width is 16.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: skip the slow tier-0 code
    public static void Run(ref float a, nint aRow, nint aCol, ref float panel, int width, int kc, ref float c, nint ldc, int cols)
    {
        if (Avx512F.IsSupported)
        {
            if (width == NR) Avx512x32(ref a, aRow, aCol, ref panel, kc, ref c, ldc);
            else Avx512x16(ref a, aRow, aCol, ref panel, kc, ref c, ldc, cols);
        }
        else
        {
            for (int q = 0; q < width; q += 8)
                Slice8(ref a, aRow, aCol, ref Unsafe.Add(ref panel, q), width, kc, ref Unsafe.Add(ref c, q), ldc);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: skip the slow tier-0 code
    private static void Avx512x32(ref float a, nint aRow, nint aCol, ref float b, int kc, ref float c, nint ldc)
    {
        // Rows 0-3 are addressed from a, rows 4-7 from a4, so only three row offsets are needed.
        ref float a4 = ref Unsafe.Add(ref a, 4 * aRow);
        nint r2 = 2 * aRow, r3 = 3 * aRow;
        ref float c1 = ref Unsafe.Add(ref c, ldc); ref float c2 = ref Unsafe.Add(ref c, 2 * ldc); ref float c3 = ref Unsafe.Add(ref c, 3 * ldc);
        ref float c4 = ref Unsafe.Add(ref c, 4 * ldc); ref float c5 = ref Unsafe.Add(ref c, 5 * ldc);
        ref float c6 = ref Unsafe.Add(ref c, 6 * ldc); ref float c7 = ref Unsafe.Add(ref c, 7 * ldc);
        var s00 = Vector512.LoadUnsafe(ref c); var s01 = Vector512.LoadUnsafe(ref c, 16);
        var s10 = Vector512.LoadUnsafe(ref c1); var s11 = Vector512.LoadUnsafe(ref c1, 16);
        var s20 = Vector512.LoadUnsafe(ref c2); var s21 = Vector512.LoadUnsafe(ref c2, 16);
        var s30 = Vector512.LoadUnsafe(ref c3); var s31 = Vector512.LoadUnsafe(ref c3, 16);
        var s40 = Vector512.LoadUnsafe(ref c4); var s41 = Vector512.LoadUnsafe(ref c4, 16);
        var s50 = Vector512.LoadUnsafe(ref c5); var s51 = Vector512.LoadUnsafe(ref c5, 16);
        var s60 = Vector512.LoadUnsafe(ref c6); var s61 = Vector512.LoadUnsafe(ref c6, 16);
        var s70 = Vector512.LoadUnsafe(ref c7); var s71 = Vector512.LoadUnsafe(ref c7, 16);
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector512.LoadUnsafe(ref b); var b1 = Vector512.LoadUnsafe(ref b, 16);
            var x = Vector512.Create(a);
            s00 = Avx512F.FusedMultiplyAdd(x, b0, s00); s01 = Avx512F.FusedMultiplyAdd(x, b1, s01);
            x = Vector512.Create(Unsafe.Add(ref a, aRow));
            s10 = Avx512F.FusedMultiplyAdd(x, b0, s10); s11 = Avx512F.FusedMultiplyAdd(x, b1, s11);
            x = Vector512.Create(Unsafe.Add(ref a, r2));
            s20 = Avx512F.FusedMultiplyAdd(x, b0, s20); s21 = Avx512F.FusedMultiplyAdd(x, b1, s21);
            x = Vector512.Create(Unsafe.Add(ref a, r3));
            s30 = Avx512F.FusedMultiplyAdd(x, b0, s30); s31 = Avx512F.FusedMultiplyAdd(x, b1, s31);
            x = Vector512.Create(a4);
            s40 = Avx512F.FusedMultiplyAdd(x, b0, s40); s41 = Avx512F.FusedMultiplyAdd(x, b1, s41);
            x = Vector512.Create(Unsafe.Add(ref a4, aRow));
            s50 = Avx512F.FusedMultiplyAdd(x, b0, s50); s51 = Avx512F.FusedMultiplyAdd(x, b1, s51);
            x = Vector512.Create(Unsafe.Add(ref a4, r2));
            s60 = Avx512F.FusedMultiplyAdd(x, b0, s60); s61 = Avx512F.FusedMultiplyAdd(x, b1, s61);
            x = Vector512.Create(Unsafe.Add(ref a4, r3));
            s70 = Avx512F.FusedMultiplyAdd(x, b0, s70); s71 = Avx512F.FusedMultiplyAdd(x, b1, s71);
            a = ref Unsafe.Add(ref a, aCol);
            a4 = ref Unsafe.Add(ref a4, aCol);
            b = ref Unsafe.Add(ref b, NR);
        }
        s00.StoreUnsafe(ref c); s01.StoreUnsafe(ref c, 16);
        s10.StoreUnsafe(ref c1); s11.StoreUnsafe(ref c1, 16);
        s20.StoreUnsafe(ref c2); s21.StoreUnsafe(ref c2, 16);
        s30.StoreUnsafe(ref c3); s31.StoreUnsafe(ref c3, 16);
        s40.StoreUnsafe(ref c4); s41.StoreUnsafe(ref c4, 16);
        s50.StoreUnsafe(ref c5); s51.StoreUnsafe(ref c5, 16);
        s60.StoreUnsafe(ref c6); s61.StoreUnsafe(ref c6, 16);
        s70.StoreUnsafe(ref c7); s71.StoreUnsafe(ref c7, 16);
    }

    // The half-width tile for strips of at most 16 columns (8 accumulators: still 8 independent chains).
    // A strip narrower than 16 (the network's 10-wide output layer) reads and writes C through a lane mask,
    // so C is used in place instead of through a padded copy; the panel's padding columns are zero.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: skip the slow tier-0 code
    private static unsafe void Avx512x16(ref float a, nint aRow, nint aCol, ref float b, int kc, ref float c, nint ldc, int cols)
    {
        ref float a4 = ref Unsafe.Add(ref a, 4 * aRow);
        nint r2 = 2 * aRow, r3 = 3 * aRow;
        var mask = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(cols)).AsSingle();
        fixed (float* pc = &c)
        {
            var s0 = Avx512F.MaskLoad(pc, mask, default); var s1 = Avx512F.MaskLoad(pc + ldc, mask, default);
            var s2 = Avx512F.MaskLoad(pc + 2 * ldc, mask, default); var s3 = Avx512F.MaskLoad(pc + 3 * ldc, mask, default);
            var s4 = Avx512F.MaskLoad(pc + 4 * ldc, mask, default); var s5 = Avx512F.MaskLoad(pc + 5 * ldc, mask, default);
            var s6 = Avx512F.MaskLoad(pc + 6 * ldc, mask, default); var s7 = Avx512F.MaskLoad(pc + 7 * ldc, mask, default);
            for (int p = 0; p < kc; p++)
            {
                var b0 = Vector512.LoadUnsafe(ref b);
                s0 = Avx512F.FusedMultiplyAdd(Vector512.Create(a), b0, s0);
                s1 = Avx512F.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref a, aRow)), b0, s1);
                s2 = Avx512F.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref a, r2)), b0, s2);
                s3 = Avx512F.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref a, r3)), b0, s3);
                s4 = Avx512F.FusedMultiplyAdd(Vector512.Create(a4), b0, s4);
                s5 = Avx512F.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref a4, aRow)), b0, s5);
                s6 = Avx512F.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref a4, r2)), b0, s6);
                s7 = Avx512F.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref a4, r3)), b0, s7);
                a = ref Unsafe.Add(ref a, aCol);
                a4 = ref Unsafe.Add(ref a4, aCol);
                b = ref Unsafe.Add(ref b, NR / 2);
            }
            Avx512F.MaskStore(pc, mask, s0); Avx512F.MaskStore(pc + ldc, mask, s1);
            Avx512F.MaskStore(pc + 2 * ldc, mask, s2); Avx512F.MaskStore(pc + 3 * ldc, mask, s3);
            Avx512F.MaskStore(pc + 4 * ldc, mask, s4); Avx512F.MaskStore(pc + 5 * ldc, mask, s5);
            Avx512F.MaskStore(pc + 6 * ldc, mask, s6); Avx512F.MaskStore(pc + 7 * ldc, mask, s7);
        }
    }

    // Portable fallback: an 8-row × 8-column slice of the tile with 256-bit vectors (software FMA where
    // the hardware has none, so results stay correct anywhere).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: skip the slow tier-0 code
    private static void Slice8(ref float a, nint aRow, nint aCol, ref float b, int ldb, int kc, ref float c, nint ldc)
    {
        var s0 = Vector256.LoadUnsafe(ref c); var s1 = Vector256.LoadUnsafe(ref c, (nuint)ldc);
        var s2 = Vector256.LoadUnsafe(ref c, (nuint)(2 * ldc)); var s3 = Vector256.LoadUnsafe(ref c, (nuint)(3 * ldc));
        var s4 = Vector256.LoadUnsafe(ref c, (nuint)(4 * ldc)); var s5 = Vector256.LoadUnsafe(ref c, (nuint)(5 * ldc));
        var s6 = Vector256.LoadUnsafe(ref c, (nuint)(6 * ldc)); var s7 = Vector256.LoadUnsafe(ref c, (nuint)(7 * ldc));
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector256.LoadUnsafe(ref b);
            s0 = Vector256.FusedMultiplyAdd(Vector256.Create(a), b0, s0);
            s1 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref a, aRow)), b0, s1);
            s2 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref a, 2 * aRow)), b0, s2);
            s3 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref a, 3 * aRow)), b0, s3);
            s4 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref a, 4 * aRow)), b0, s4);
            s5 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref a, 5 * aRow)), b0, s5);
            s6 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref a, 6 * aRow)), b0, s6);
            s7 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref a, 7 * aRow)), b0, s7);
            a = ref Unsafe.Add(ref a, aCol);
            b = ref Unsafe.Add(ref b, ldb);
        }
        s0.StoreUnsafe(ref c); s1.StoreUnsafe(ref c, (nuint)ldc);
        s2.StoreUnsafe(ref c, (nuint)(2 * ldc)); s3.StoreUnsafe(ref c, (nuint)(3 * ldc));
        s4.StoreUnsafe(ref c, (nuint)(4 * ldc)); s5.StoreUnsafe(ref c, (nuint)(5 * ldc));
        s6.StoreUnsafe(ref c, (nuint)(6 * ldc)); s7.StoreUnsafe(ref c, (nuint)(7 * ldc));
    }
}
