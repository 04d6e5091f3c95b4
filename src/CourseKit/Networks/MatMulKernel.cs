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
/// <para>
/// For a C of at most 16 columns <see cref="RunRows"/> turns the tile around: 32 rows × up to 12
/// columns, two accumulators per column (rows 0-15 and 16-31), so every lane holds an element of C.
/// Per p: 2 vector loads of A's column, one broadcast of B per column, 2 FMAs per column — at n = 10
/// 20 FMAs for 12 loads, FMA-bound with 20 independent chains, where the column-vectorized 16-wide tile
/// did 8 FMAs (10 of 16 lanes useful) for 9 loads. The column count is a type parameter, so each width
/// compiles to its own register-resident kernel; wider C is cut into near-equal groups of at most 12.
/// </para>
/// <para>
/// <see cref="RunDots"/> serves the same narrow C when A is row-major: each element of C is a dot product of a
/// row of A and a row of Bᵀ, 16 values of p per FMA, and 16 accumulators are summed across their lanes at once
/// at the end (Sum16), so neither A nor C needs transposing.
/// </para>
/// </remarks>
internal static class MatMulKernel
{
    /// <summary>Rows of C per tile.</summary>
    public const int MR = 8;

    /// <summary>Columns of C per tile (two 512-bit vectors).</summary>
    public const int NR = 32;

    /// <summary>Rows of C per tile of the row kernel (<see cref="RunRows"/>): two 512-bit vectors.</summary>
    public const int RowTile = 32;

    /// <summary>The widest C the row kernel takes.</summary>
    public const int RowColumns = 16;

    // Columns per register group of the row kernel: 24 accumulators + 2 A vectors + a broadcast fit the 32 zmm registers.
    private const int RowGroup = 12;

    /// <summary>True when <see cref="RunRows"/> is available (AVX-512).</summary>
    public static bool HasRowKernel => Avx512F.IsSupported;

    /// <summary>True when <see cref="Run"/> can take a strip narrower than its width (masked loads and stores of C).</summary>
    public static bool MasksColumns => Avx512F.IsSupported;

    // cols: columns of C to read and write (≤ width); fewer than width only where MasksColumns and width is 16.
    // load false: start from zero instead of C (the first k block of an overwriting product), so C need not be
    // cleared first and is only written; for small k (the 10-deep input gradient) that traffic dominated.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: skip the slow tier-0 code
    public static void Run(ref float a, nint aRow, nint aCol, ref float panel, int width, int kc, ref float c, nint ldc, int cols, bool load)
    {
        if (Avx512F.IsSupported)
        {
            if (width == NR) Avx512x32(ref a, aRow, aCol, ref panel, kc, ref c, ldc, load);
            else Avx512x16(ref a, aRow, aCol, ref panel, kc, ref c, ldc, cols, load);
        }
        else
        {
            for (int q = 0; q < width; q += 8)
                Slice8(ref a, aRow, aCol, ref Unsafe.Add(ref panel, q), width, kc, ref Unsafe.Add(ref c, q), ldc, load);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: skip the slow tier-0 code
    private static void Avx512x32(ref float a, nint aRow, nint aCol, ref float b, int kc, ref float c, nint ldc, bool load)
    {
        // Rows 0-3 are addressed from a, rows 4-7 from a4, so only three row offsets are needed.
        ref float a4 = ref Unsafe.Add(ref a, 4 * aRow);
        nint r2 = 2 * aRow, r3 = 3 * aRow;
        ref float c1 = ref Unsafe.Add(ref c, ldc); ref float c2 = ref Unsafe.Add(ref c, 2 * ldc); ref float c3 = ref Unsafe.Add(ref c, 3 * ldc);
        ref float c4 = ref Unsafe.Add(ref c, 4 * ldc); ref float c5 = ref Unsafe.Add(ref c, 5 * ldc);
        ref float c6 = ref Unsafe.Add(ref c, 6 * ldc); ref float c7 = ref Unsafe.Add(ref c, 7 * ldc);
        Vector512<float> s00 = default, s01 = default, s10 = default, s11 = default, s20 = default, s21 = default, s30 = default, s31 = default;
        Vector512<float> s40 = default, s41 = default, s50 = default, s51 = default, s60 = default, s61 = default, s70 = default, s71 = default;
        if (load)
        {
            s00 = Vector512.LoadUnsafe(ref c); s01 = Vector512.LoadUnsafe(ref c, 16);
            s10 = Vector512.LoadUnsafe(ref c1); s11 = Vector512.LoadUnsafe(ref c1, 16);
            s20 = Vector512.LoadUnsafe(ref c2); s21 = Vector512.LoadUnsafe(ref c2, 16);
            s30 = Vector512.LoadUnsafe(ref c3); s31 = Vector512.LoadUnsafe(ref c3, 16);
            s40 = Vector512.LoadUnsafe(ref c4); s41 = Vector512.LoadUnsafe(ref c4, 16);
            s50 = Vector512.LoadUnsafe(ref c5); s51 = Vector512.LoadUnsafe(ref c5, 16);
            s60 = Vector512.LoadUnsafe(ref c6); s61 = Vector512.LoadUnsafe(ref c6, 16);
            s70 = Vector512.LoadUnsafe(ref c7); s71 = Vector512.LoadUnsafe(ref c7, 16);
        }
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
    private static unsafe void Avx512x16(ref float a, nint aRow, nint aCol, ref float b, int kc, ref float c, nint ldc, int cols, bool load)
    {
        ref float a4 = ref Unsafe.Add(ref a, 4 * aRow);
        nint r2 = 2 * aRow, r3 = 3 * aRow;
        var mask = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(cols)).AsSingle();
        fixed (float* pc = &c)
        {
            Vector512<float> s0 = default, s1 = default, s2 = default, s3 = default, s4 = default, s5 = default, s6 = default, s7 = default;
            if (load)
            {
                s0 = Avx512F.MaskLoad(pc, mask, default); s1 = Avx512F.MaskLoad(pc + ldc, mask, default);
                s2 = Avx512F.MaskLoad(pc + 2 * ldc, mask, default); s3 = Avx512F.MaskLoad(pc + 3 * ldc, mask, default);
                s4 = Avx512F.MaskLoad(pc + 4 * ldc, mask, default); s5 = Avx512F.MaskLoad(pc + 5 * ldc, mask, default);
                s6 = Avx512F.MaskLoad(pc + 6 * ldc, mask, default); s7 = Avx512F.MaskLoad(pc + 7 * ldc, mask, default);
            }
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

    // t[j*32 + r] (+)= Σ_p a[r + p*aCol] · b[p*ldb + j] for r < 32 and j < cols (≤ 16); t is C's tile transposed.
    // load false: start from zero (the first k block of an overwriting product), so C is neither cleared nor read.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: skip the slow tier-0 code
    public static void RunRows(ref float a, nint aCol, ref float b, nint ldb, int kc, ref float t, int cols, bool load)
    {
        // Columns in near-equal groups of at most RowGroup: 16 → 8 + 8 rather than 12 + 4, so every group has enough chains.
        for (int j = 0, groups = (cols + RowGroup - 1) / RowGroup; j < cols; groups--)
        {
            int width = (cols - j + groups - 1) / groups;
            RowsOfWidth(width, ref a, aCol, ref Unsafe.Add(ref b, j), ldb, kc, ref Unsafe.Add(ref t, j * RowTile), load);
            j += width;
        }
    }

    private static void RowsOfWidth(int width, ref float a, nint aCol, ref float b, nint ldb, int kc, ref float t, bool load)
    {
        switch (width)
        {
            case 1: Rows<C1>(ref a, aCol, ref b, ldb, kc, ref t, load); break;
            case 2: Rows<C2>(ref a, aCol, ref b, ldb, kc, ref t, load); break;
            case 3: Rows<C3>(ref a, aCol, ref b, ldb, kc, ref t, load); break;
            case 4: Rows<C4>(ref a, aCol, ref b, ldb, kc, ref t, load); break;
            case 5: Rows<C5>(ref a, aCol, ref b, ldb, kc, ref t, load); break;
            case 6: Rows<C6>(ref a, aCol, ref b, ldb, kc, ref t, load); break;
            case 7: Rows<C7>(ref a, aCol, ref b, ldb, kc, ref t, load); break;
            case 8: Rows<C8>(ref a, aCol, ref b, ldb, kc, ref t, load); break;
            case 9: Rows<C9>(ref a, aCol, ref b, ldb, kc, ref t, load); break;
            case 10: Rows<C10>(ref a, aCol, ref b, ldb, kc, ref t, load); break;
            case 11: Rows<C11>(ref a, aCol, ref b, ldb, kc, ref t, load); break;
            case 12: Rows<C12>(ref a, aCol, ref b, ldb, kc, ref t, load); break;
            default: throw new ArgumentOutOfRangeException(nameof(width), width, null);
        }
    }

    // A column count as a type, so each width gets its own compiled kernel: the JIT folds W.Count, drops the
    // unused accumulators and keeps the rest in registers (a loop over j would need them in an array, in memory).
    private interface IColumns { static abstract int Count { get; } }
    private readonly struct C1 : IColumns { public static int Count => 1; }
    private readonly struct C2 : IColumns { public static int Count => 2; }
    private readonly struct C3 : IColumns { public static int Count => 3; }
    private readonly struct C4 : IColumns { public static int Count => 4; }
    private readonly struct C5 : IColumns { public static int Count => 5; }
    private readonly struct C6 : IColumns { public static int Count => 6; }
    private readonly struct C7 : IColumns { public static int Count => 7; }
    private readonly struct C8 : IColumns { public static int Count => 8; }
    private readonly struct C9 : IColumns { public static int Count => 9; }
    private readonly struct C10 : IColumns { public static int Count => 10; }
    private readonly struct C11 : IColumns { public static int Count => 11; }
    private readonly struct C12 : IColumns { public static int Count => 12; }

    // One group of W.Count ≤ 12 columns: 2·W accumulators (rows 0-15 and 16-31 of each column) + 2 A vectors.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Rows<W>(ref float a, nint aCol, ref float b, nint ldb, int kc, ref float t, bool load) where W : struct, IColumns
    {
        Vector512<float> s00 = default, s01 = default, s10 = default, s11 = default, s20 = default, s21 = default, s30 = default, s31 = default, s40 = default, s41 = default, s50 = default, s51 = default;
        Vector512<float> s60 = default, s61 = default, s70 = default, s71 = default, s80 = default, s81 = default, s90 = default, s91 = default, sA0 = default, sA1 = default, sB0 = default, sB1 = default;
        if (load)
        {
            s00 = Vector512.LoadUnsafe(ref t, 0); s01 = Vector512.LoadUnsafe(ref t, 16);
            if (W.Count > 1) { s10 = Vector512.LoadUnsafe(ref t, 32); s11 = Vector512.LoadUnsafe(ref t, 48); }
            if (W.Count > 2) { s20 = Vector512.LoadUnsafe(ref t, 64); s21 = Vector512.LoadUnsafe(ref t, 80); }
            if (W.Count > 3) { s30 = Vector512.LoadUnsafe(ref t, 96); s31 = Vector512.LoadUnsafe(ref t, 112); }
            if (W.Count > 4) { s40 = Vector512.LoadUnsafe(ref t, 128); s41 = Vector512.LoadUnsafe(ref t, 144); }
            if (W.Count > 5) { s50 = Vector512.LoadUnsafe(ref t, 160); s51 = Vector512.LoadUnsafe(ref t, 176); }
            if (W.Count > 6) { s60 = Vector512.LoadUnsafe(ref t, 192); s61 = Vector512.LoadUnsafe(ref t, 208); }
            if (W.Count > 7) { s70 = Vector512.LoadUnsafe(ref t, 224); s71 = Vector512.LoadUnsafe(ref t, 240); }
            if (W.Count > 8) { s80 = Vector512.LoadUnsafe(ref t, 256); s81 = Vector512.LoadUnsafe(ref t, 272); }
            if (W.Count > 9) { s90 = Vector512.LoadUnsafe(ref t, 288); s91 = Vector512.LoadUnsafe(ref t, 304); }
            if (W.Count > 10) { sA0 = Vector512.LoadUnsafe(ref t, 320); sA1 = Vector512.LoadUnsafe(ref t, 336); }
            if (W.Count > 11) { sB0 = Vector512.LoadUnsafe(ref t, 352); sB1 = Vector512.LoadUnsafe(ref t, 368); }
        }
        for (int p = 0; p < kc; p++)
        {
            var a0 = Vector512.LoadUnsafe(ref a); var a1 = Vector512.LoadUnsafe(ref a, 16);
            var x = Vector512.Create(b); s00 = Avx512F.FusedMultiplyAdd(a0, x, s00); s01 = Avx512F.FusedMultiplyAdd(a1, x, s01);
            if (W.Count > 1) { x = Vector512.Create(Unsafe.Add(ref b, 1)); s10 = Avx512F.FusedMultiplyAdd(a0, x, s10); s11 = Avx512F.FusedMultiplyAdd(a1, x, s11); }
            if (W.Count > 2) { x = Vector512.Create(Unsafe.Add(ref b, 2)); s20 = Avx512F.FusedMultiplyAdd(a0, x, s20); s21 = Avx512F.FusedMultiplyAdd(a1, x, s21); }
            if (W.Count > 3) { x = Vector512.Create(Unsafe.Add(ref b, 3)); s30 = Avx512F.FusedMultiplyAdd(a0, x, s30); s31 = Avx512F.FusedMultiplyAdd(a1, x, s31); }
            if (W.Count > 4) { x = Vector512.Create(Unsafe.Add(ref b, 4)); s40 = Avx512F.FusedMultiplyAdd(a0, x, s40); s41 = Avx512F.FusedMultiplyAdd(a1, x, s41); }
            if (W.Count > 5) { x = Vector512.Create(Unsafe.Add(ref b, 5)); s50 = Avx512F.FusedMultiplyAdd(a0, x, s50); s51 = Avx512F.FusedMultiplyAdd(a1, x, s51); }
            if (W.Count > 6) { x = Vector512.Create(Unsafe.Add(ref b, 6)); s60 = Avx512F.FusedMultiplyAdd(a0, x, s60); s61 = Avx512F.FusedMultiplyAdd(a1, x, s61); }
            if (W.Count > 7) { x = Vector512.Create(Unsafe.Add(ref b, 7)); s70 = Avx512F.FusedMultiplyAdd(a0, x, s70); s71 = Avx512F.FusedMultiplyAdd(a1, x, s71); }
            if (W.Count > 8) { x = Vector512.Create(Unsafe.Add(ref b, 8)); s80 = Avx512F.FusedMultiplyAdd(a0, x, s80); s81 = Avx512F.FusedMultiplyAdd(a1, x, s81); }
            if (W.Count > 9) { x = Vector512.Create(Unsafe.Add(ref b, 9)); s90 = Avx512F.FusedMultiplyAdd(a0, x, s90); s91 = Avx512F.FusedMultiplyAdd(a1, x, s91); }
            if (W.Count > 10) { x = Vector512.Create(Unsafe.Add(ref b, 10)); sA0 = Avx512F.FusedMultiplyAdd(a0, x, sA0); sA1 = Avx512F.FusedMultiplyAdd(a1, x, sA1); }
            if (W.Count > 11) { x = Vector512.Create(Unsafe.Add(ref b, 11)); sB0 = Avx512F.FusedMultiplyAdd(a0, x, sB0); sB1 = Avx512F.FusedMultiplyAdd(a1, x, sB1); }
            a = ref Unsafe.Add(ref a, aCol);
            b = ref Unsafe.Add(ref b, ldb);
        }
        s00.StoreUnsafe(ref t, 0); s01.StoreUnsafe(ref t, 16);
        if (W.Count > 1) { s10.StoreUnsafe(ref t, 32); s11.StoreUnsafe(ref t, 48); }
        if (W.Count > 2) { s20.StoreUnsafe(ref t, 64); s21.StoreUnsafe(ref t, 80); }
        if (W.Count > 3) { s30.StoreUnsafe(ref t, 96); s31.StoreUnsafe(ref t, 112); }
        if (W.Count > 4) { s40.StoreUnsafe(ref t, 128); s41.StoreUnsafe(ref t, 144); }
        if (W.Count > 5) { s50.StoreUnsafe(ref t, 160); s51.StoreUnsafe(ref t, 176); }
        if (W.Count > 6) { s60.StoreUnsafe(ref t, 192); s61.StoreUnsafe(ref t, 208); }
        if (W.Count > 7) { s70.StoreUnsafe(ref t, 224); s71.StoreUnsafe(ref t, 240); }
        if (W.Count > 8) { s80.StoreUnsafe(ref t, 256); s81.StoreUnsafe(ref t, 272); }
        if (W.Count > 9) { s90.StoreUnsafe(ref t, 288); s91.StoreUnsafe(ref t, 304); }
        if (W.Count > 10) { sA0.StoreUnsafe(ref t, 320); sA1.StoreUnsafe(ref t, 336); }
        if (W.Count > 11) { sB0.StoreUnsafe(ref t, 352); sB1.StoreUnsafe(ref t, 368); }
    }

    /// <summary>Rows of C per block of the dot kernel (<see cref="RunDots"/>).</summary>
    public const int DotRows = 16;

    // C[r, j] (+)= Σ_p a[r*lda + p] · bt[j*ldb + p] for r < 16 and j < cols (≤ 16): each element of C a dot
    // product of a row of A and a row of Bᵀ, both contiguous. Columns go in groups of 8, 4, 2, 1; a group of W
    // columns takes the 16 rows min(8, 16/W) at a time, so each call fills up to 16 accumulators.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void RunDots(float* a, nint lda, float* bt, nint ldb, int k, float* c, nint ldc, int cols, bool load)
    {
        for (int j = 0; j < cols;)
        {
            int w = cols - j >= 8 ? 8 : cols - j >= 4 ? 4 : cols - j >= 2 ? 2 : 1;
            int rows = Math.Min(8, DotRows / w);
            for (int r = 0; r < DotRows; r += rows)
            {
                float* ar = a + r * lda, bj = bt + j * ldb, cr = c + r * ldc + j;
                switch (w)
                {
                    case 8: Dots<C8>(ar, lda, bj, ldb, k, cr, ldc, load); break;
                    case 4: Dots<C4>(ar, lda, bj, ldb, k, cr, ldc, load); break;
                    case 2: Dots<C2>(ar, lda, bj, ldb, k, cr, ldc, load); break;
                    default: Dots<C1>(ar, lda, bj, ldb, k, cr, ldc, load); break;
                }
            }
            j += w;
        }
    }

    // R = min(8, 16/W) rows × W columns of C. Accumulator q holds the 16 partial sums (one per lane, p ≡ lane mod 16)
    // of C(q / W, q % W); per 16 values of p: R loads of A, W of Bᵀ, R·W FMAs. At the end one reduction tree
    // (Sum16) turns the 16 accumulators into one vector of 16 totals, row r in lanes [r·W, r·W + W).
    // The loads are plain, and the last k mod 16 values of p are summed apart (Tail): masked loads in the loop
    // made the kernel half as fast on AMD Zen 5.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Dots<W>(float* a, nint lda, float* b, nint ldb, int k, float* c, nint ldc, bool load) where W : struct, IColumns
    {
        int R = Math.Min(8, 16 / W.Count), used = R * W.Count;
        Vector512<float> s0 = default, s1 = default, s2 = default, s3 = default, s4 = default, s5 = default, s6 = default, s7 = default;
        Vector512<float> s8 = default, s9 = default, s10 = default, s11 = default, s12 = default, s13 = default, s14 = default, s15 = default;
        int whole = k & ~15;
        for (int p = 0; p < whole; p += 16)
        {
            // Rows r of A and j of Bᵀ at p..p+15.
            Vector512<float> a0 = Vector512.Load(a + p), a1 = default, a2 = default, a3 = default, a4 = default, a5 = default, a6 = default, a7 = default;
            if (R > 1) a1 = Vector512.Load(a + lda + p);
            if (R > 2) { a2 = Vector512.Load(a + 2 * lda + p); a3 = Vector512.Load(a + 3 * lda + p); }
            if (R > 4)
            {
                a4 = Vector512.Load(a + 4 * lda + p); a5 = Vector512.Load(a + 5 * lda + p);
                a6 = Vector512.Load(a + 6 * lda + p); a7 = Vector512.Load(a + 7 * lda + p);
            }
            Vector512<float> b0 = Vector512.Load(b + p), b1 = default, b2 = default, b3 = default, b4 = default, b5 = default, b6 = default, b7 = default;
            if (W.Count > 1) b1 = Vector512.Load(b + ldb + p);
            if (W.Count > 2) { b2 = Vector512.Load(b + 2 * ldb + p); b3 = Vector512.Load(b + 3 * ldb + p); }
            if (W.Count > 4)
            {
                b4 = Vector512.Load(b + 4 * ldb + p); b5 = Vector512.Load(b + 5 * ldb + p);
                b6 = Vector512.Load(b + 6 * ldb + p); b7 = Vector512.Load(b + 7 * ldb + p);
            }
            s0 = Avx512F.FusedMultiplyAdd(Of(0 / W.Count, a0, a1, a2, a3, a4, a5, a6, a7), Of(0 % W.Count, b0, b1, b2, b3, b4, b5, b6, b7), s0);
            if (used > 1) s1 = Avx512F.FusedMultiplyAdd(Of(1 / W.Count, a0, a1, a2, a3, a4, a5, a6, a7), Of(1 % W.Count, b0, b1, b2, b3, b4, b5, b6, b7), s1);
            if (used > 2) s2 = Avx512F.FusedMultiplyAdd(Of(2 / W.Count, a0, a1, a2, a3, a4, a5, a6, a7), Of(2 % W.Count, b0, b1, b2, b3, b4, b5, b6, b7), s2);
            if (used > 3) s3 = Avx512F.FusedMultiplyAdd(Of(3 / W.Count, a0, a1, a2, a3, a4, a5, a6, a7), Of(3 % W.Count, b0, b1, b2, b3, b4, b5, b6, b7), s3);
            if (used > 4) s4 = Avx512F.FusedMultiplyAdd(Of(4 / W.Count, a0, a1, a2, a3, a4, a5, a6, a7), Of(4 % W.Count, b0, b1, b2, b3, b4, b5, b6, b7), s4);
            if (used > 5) s5 = Avx512F.FusedMultiplyAdd(Of(5 / W.Count, a0, a1, a2, a3, a4, a5, a6, a7), Of(5 % W.Count, b0, b1, b2, b3, b4, b5, b6, b7), s5);
            if (used > 6) s6 = Avx512F.FusedMultiplyAdd(Of(6 / W.Count, a0, a1, a2, a3, a4, a5, a6, a7), Of(6 % W.Count, b0, b1, b2, b3, b4, b5, b6, b7), s6);
            if (used > 7) s7 = Avx512F.FusedMultiplyAdd(Of(7 / W.Count, a0, a1, a2, a3, a4, a5, a6, a7), Of(7 % W.Count, b0, b1, b2, b3, b4, b5, b6, b7), s7);
            if (used > 8) s8 = Avx512F.FusedMultiplyAdd(Of(8 / W.Count, a0, a1, a2, a3, a4, a5, a6, a7), Of(8 % W.Count, b0, b1, b2, b3, b4, b5, b6, b7), s8);
            if (used > 9) s9 = Avx512F.FusedMultiplyAdd(Of(9 / W.Count, a0, a1, a2, a3, a4, a5, a6, a7), Of(9 % W.Count, b0, b1, b2, b3, b4, b5, b6, b7), s9);
            if (used > 10) s10 = Avx512F.FusedMultiplyAdd(Of(10 / W.Count, a0, a1, a2, a3, a4, a5, a6, a7), Of(10 % W.Count, b0, b1, b2, b3, b4, b5, b6, b7), s10);
            if (used > 11) s11 = Avx512F.FusedMultiplyAdd(Of(11 / W.Count, a0, a1, a2, a3, a4, a5, a6, a7), Of(11 % W.Count, b0, b1, b2, b3, b4, b5, b6, b7), s11);
            if (used > 12) s12 = Avx512F.FusedMultiplyAdd(Of(12 / W.Count, a0, a1, a2, a3, a4, a5, a6, a7), Of(12 % W.Count, b0, b1, b2, b3, b4, b5, b6, b7), s12);
            if (used > 13) s13 = Avx512F.FusedMultiplyAdd(Of(13 / W.Count, a0, a1, a2, a3, a4, a5, a6, a7), Of(13 % W.Count, b0, b1, b2, b3, b4, b5, b6, b7), s13);
            if (used > 14) s14 = Avx512F.FusedMultiplyAdd(Of(14 / W.Count, a0, a1, a2, a3, a4, a5, a6, a7), Of(14 % W.Count, b0, b1, b2, b3, b4, b5, b6, b7), s14);
            if (used > 15) s15 = Avx512F.FusedMultiplyAdd(Of(15 / W.Count, a0, a1, a2, a3, a4, a5, a6, a7), Of(15 % W.Count, b0, b1, b2, b3, b4, b5, b6, b7), s15);
        }
        var sums = Sum16(s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12, s13, s14, s15);
        if (whole < k) sums += Tail(a, lda, b, ldb, whole, k, R, W.Count);
        // Lanes [r·W, r·W + W) of the sums are row r of C.
        if (W.Count == 8)
        {
            Put(c, sums.GetLower(), load); Put(c + ldc, sums.GetUpper(), load);
        }
        else if (W.Count == 4)
        {
            Put(c, Avx512F.ExtractVector128(sums, 0), load); Put(c + ldc, Avx512F.ExtractVector128(sums, 1), load);
            Put(c + 2 * ldc, Avx512F.ExtractVector128(sums, 2), load); Put(c + 3 * ldc, Avx512F.ExtractVector128(sums, 3), load);
        }
        else
        {
            for (int q = 0; q < used; q++)
            {
                float* e = c + q / W.Count * ldc + q % W.Count;
                *e = load ? *e + sums.GetElement(q) : sums.GetElement(q);
            }
        }
    }

    // One row of a dot-kernel block into C: written, or added to what C holds.
    private static unsafe void Put(float* c, Vector256<float> x, bool load) => (load ? x + Vector256.Load(c) : x).Store(c);
    private static unsafe void Put(float* c, Vector128<float> x, bool load) => (load ? x + Vector128.Load(c) : x).Store(c);

    // The dot products' terms for p in [from, k) (fewer than 16), in the lanes Sum16 leaves the totals in.
    private static unsafe Vector512<float> Tail(float* a, nint lda, float* b, nint ldb, int from, int k, int rows, int cols)
    {
        var t = Vector512<float>.Zero;
        for (int q = 0; q < rows * cols; q++)
        {
            float sum = 0;
            for (int p = from; p < k; p++) sum += a[q / cols * lda + p] * b[q % cols * ldb + p];
            t = t.WithElement(q, sum);
        }
        return t;
    }

    // The i-th of eight vectors; i is a constant once inlined, so this folds to a register.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Of(int i, Vector512<float> x0, Vector512<float> x1, Vector512<float> x2, Vector512<float> x3,
        Vector512<float> x4, Vector512<float> x5, Vector512<float> x6, Vector512<float> x7) =>
        i switch { 0 => x0, 1 => x1, 2 => x2, 3 => x3, 4 => x4, 5 => x5, 6 => x6, _ => x7 };

    // Lane q of the result = the sum of x_q's 16 lanes. A tree of 15 adds, each half of two vectors added to the other
    // half: 256-bit halves, then 128-bit quarters, then pairs, then single lanes; it leaves x_q's total in lane
    // 4(q mod 4) + q/4, and one permute puts it in lane q.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Sum16(Vector512<float> x0, Vector512<float> x1, Vector512<float> x2, Vector512<float> x3,
        Vector512<float> x4, Vector512<float> x5, Vector512<float> x6, Vector512<float> x7, Vector512<float> x8, Vector512<float> x9,
        Vector512<float> x10, Vector512<float> x11, Vector512<float> x12, Vector512<float> x13, Vector512<float> x14, Vector512<float> x15)
    {
        var h0 = Halves(x0, x1); var h1 = Halves(x2, x3); var h2 = Halves(x4, x5); var h3 = Halves(x6, x7);
        var h4 = Halves(x8, x9); var h5 = Halves(x10, x11); var h6 = Halves(x12, x13); var h7 = Halves(x14, x15);
        var q0 = Quarters(h0, h1); var q1 = Quarters(h2, h3); var q2 = Quarters(h4, h5); var q3 = Quarters(h6, h7);
        var p0 = Avx512F.UnpackLow(q0, q1) + Avx512F.UnpackHigh(q0, q1);
        var p1 = Avx512F.UnpackLow(q2, q3) + Avx512F.UnpackHigh(q2, q3);
        var total = Avx512F.Shuffle(p0, p1, 0x44) + Avx512F.Shuffle(p0, p1, 0xEE);
        return Avx512F.PermuteVar16x32(total, Vector512.Create(0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15));

        // [x's 128-bit lanes 0+2, 1+3, y's 0+2, 1+3]
        static Vector512<float> Halves(Vector512<float> x, Vector512<float> y) => Avx512F.Shuffle4x128(x, y, 0x44) + Avx512F.Shuffle4x128(x, y, 0xEE);
        // [x's two lanes summed, y's, z's, w's] from Halves(x, y) and Halves(z, w)
        static Vector512<float> Quarters(Vector512<float> xy, Vector512<float> zw) => Avx512F.Shuffle4x128(xy, zw, 0x88) + Avx512F.Shuffle4x128(xy, zw, 0xDD);
    }

    // dst[q*ldd + r] = src[r*lds + q] for a 16×16 square. Four columns at a time: each register gathers one
    // row's four values from rows s, 4+s, 8+s, 12+s into its four 128-bit lanes (a load and three inserts from
    // memory), and a 4×4 transpose within the lanes (8 unpacks) leaves each column's 16 rows in one register.
    // Measured as fast as the textbook transpose purely in registers (64 shuffles, 32 registers) and as an
    // 8×8 one in 256-bit registers, and shorter; fusing it into the FMA loop did not help either.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Transpose16(ref float src, nint lds, ref float dst, nint ldd)
    {
        nint l4 = 4 * lds;
        for (int q = 0; q < 16; q += 4)
        {
            ref float s0 = ref Unsafe.Add(ref src, q);
            var x0 = Lanes(ref s0, l4);
            var x1 = Lanes(ref Unsafe.Add(ref s0, lds), l4);
            var x2 = Lanes(ref Unsafe.Add(ref s0, 2 * lds), l4);
            var x3 = Lanes(ref Unsafe.Add(ref s0, 3 * lds), l4);
            var t0 = Avx512F.UnpackLow(x0, x1); var t1 = Avx512F.UnpackHigh(x0, x1);
            var t2 = Avx512F.UnpackLow(x2, x3); var t3 = Avx512F.UnpackHigh(x2, x3);
            ref float d = ref Unsafe.Add(ref dst, q * ldd);
            Avx512F.UnpackLow(t0.AsDouble(), t2.AsDouble()).AsSingle().StoreUnsafe(ref d);
            Avx512F.UnpackHigh(t0.AsDouble(), t2.AsDouble()).AsSingle().StoreUnsafe(ref Unsafe.Add(ref d, ldd));
            Avx512F.UnpackLow(t1.AsDouble(), t3.AsDouble()).AsSingle().StoreUnsafe(ref Unsafe.Add(ref d, 2 * ldd));
            Avx512F.UnpackHigh(t1.AsDouble(), t3.AsDouble()).AsSingle().StoreUnsafe(ref Unsafe.Add(ref d, 3 * ldd));
        }

        // Lane L = the four values at row 4L (relative to the row s points at).
        static Vector512<float> Lanes(ref float s, nint l4)
        {
            var x = Vector128.LoadUnsafe(ref s).ToVector256Unsafe().ToVector512Unsafe();
            x = Avx512F.InsertVector128(x, Vector128.LoadUnsafe(ref Unsafe.Add(ref s, l4)), 1);
            x = Avx512F.InsertVector128(x, Vector128.LoadUnsafe(ref Unsafe.Add(ref s, 2 * l4)), 2);
            return Avx512F.InsertVector128(x, Vector128.LoadUnsafe(ref Unsafe.Add(ref s, 3 * l4)), 3);
        }
    }

    // Portable fallback: an 8-row × 8-column slice of the tile with 256-bit vectors (software FMA where
    // the hardware has none, so results stay correct anywhere).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: skip the slow tier-0 code
    private static void Slice8(ref float a, nint aRow, nint aCol, ref float b, int ldb, int kc, ref float c, nint ldc, bool load)
    {
        Vector256<float> s0 = default, s1 = default, s2 = default, s3 = default, s4 = default, s5 = default, s6 = default, s7 = default;
        if (load)
        {
            s0 = Vector256.LoadUnsafe(ref c); s1 = Vector256.LoadUnsafe(ref c, (nuint)ldc);
            s2 = Vector256.LoadUnsafe(ref c, (nuint)(2 * ldc)); s3 = Vector256.LoadUnsafe(ref c, (nuint)(3 * ldc));
            s4 = Vector256.LoadUnsafe(ref c, (nuint)(4 * ldc)); s5 = Vector256.LoadUnsafe(ref c, (nuint)(5 * ldc));
            s6 = Vector256.LoadUnsafe(ref c, (nuint)(6 * ldc)); s7 = Vector256.LoadUnsafe(ref c, (nuint)(7 * ldc));
        }
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
