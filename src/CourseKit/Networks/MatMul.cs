using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using CourseKit.Optimizers;

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
/// A C with at most 16 columns (the network's 10-wide output layer) takes one of two other loop nests with
/// AVX-512, since vectorizing over C's columns would leave 6 of 16 lanes idle and need a scalar broadcast of A per
/// FMA. For Aᵀ·B (A stored k×m, the weight gradient) the row kernel (<see cref="MatMulKernel.RunRows"/>)
/// vectorizes over C's <em>rows</em>: a 32-row tile of C stays in registers as two vectors per column, fed per p
/// by two vectors of A's column, read in place, and one broadcast of B per column. For A·B and A·Bᵀ (A
/// row-major, the forward product) A's columns are not contiguous but its rows are, so the dot kernel
/// (<see cref="MatMulKernel.RunDots"/>) takes each element of C as a dot product of a row of A and a row of Bᵀ,
/// 16 values of p per FMA, and sums each accumulator's 16 lanes once at the end. (The row kernel on a
/// transposed copy of A ran at about 0.45 of the FMA peak: the transpose took 60 % as long as the FMAs.
/// The dot kernel runs at 0.6–0.7; B is transposed instead, n·k values rather than m·k.) A few rows left
/// over below a multiple of 16 go through the row kernel with A transposed.
/// </para>
/// <para>
/// The summation order is fixed by the shape (per element of C, p ascending, one FMA each, starting from C
/// or from zero; in the dot kernel, 16 such sums over p ≡ lane mod 16 added in a fixed tree, the last k mod 16
/// terms one by one, and the total of each 512-deep stretch of k added to C), so the result is bit-for-bit
/// reproducible on a given machine, whatever the thread count. When not accumulating, the first k block starts from zero rather than from a
/// cleared C, which saves a pass over C (most of the time of a product with small k).
/// Nothing is allocated per call (the panel buffers are per thread, made once).
/// </para>
/// </remarks>
public static unsafe class MatMul
{
    /// <summary>Rows of B (the summed index) per packed panel.</summary>
    public const int KBlock = 256;

    /// <summary>
    /// Cores a large product may use (default 1). With 2 or more, a product of at least
    /// <see cref="ParallelFlops"/> splits C's rows between the caller and parked worker threads; each
    /// element is still summed in the same order, so results are identical for any thread count.
    /// Small products always stay on one thread: the hand-off costs more than it saves.
    /// </summary>
    public static int Threads
    {
        get => _threads;
        set => _threads = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Threads must be at least 1.");
    }

    /// <summary>2·m·k·n from which a product is split across <see cref="Threads"/> (about batch 512 on a 256×256 layer).</summary>
    public const long ParallelFlops = 64L << 20;

    private static int _threads = 1;
    private static readonly RowSplit Split = new();

    /// <summary>C (m×n) = A (m×k) · B (k×n), or C += A·B.</summary>
    public static void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n, bool accumulate = false)
    {
        Check(a, b, c, m, k, n);
        Dispatch(a, aRow: k, aCol: 1, b, bTransposed: false, c, m, k, n, accumulate);
    }

    /// <summary>C (m×n) = Aᵀ · B with A stored k×m and B k×n, or C += Aᵀ·B.</summary>
    public static void MultiplyTransposedA(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n, bool accumulate = false)
    {
        Check(a, b, c, m, k, n);
        Dispatch(a, aRow: 1, aCol: m, b, bTransposed: false, c, m, k, n, accumulate);
    }

    /// <summary>C (m×n) = A · Bᵀ with A stored m×k and B n×k, or C += A·Bᵀ.</summary>
    public static void MultiplyTransposedB(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n, bool accumulate = false)
    {
        Check(a, b, c, m, k, n);
        Dispatch(a, aRow: k, aCol: 1, b, bTransposed: true, c, m, k, n, accumulate);
    }

    private static void Dispatch(ReadOnlySpan<float> a, int aRow, int aCol, ReadOnlySpan<float> b, bool bTransposed, Span<float> c,
        int m, int k, int n, bool accumulate)
    {
        int chunks = Math.Min(Math.Min(_threads, Environment.ProcessorCount), m / RowsPerTile(n));
        if (chunks < 2 || 2L * m * k * n < ParallelFlops)
        {
            Gemm(a, aRow, aCol, b, bTransposed, c, m, k, n, accumulate);
            return;
        }

        // One shared job object (no allocation per call); the lock keeps two callers from sharing it at once.
        lock (Split)
        {
            fixed (float* pa = a, pb = b, pc = c)
            {
                Split.Set(pa, a.Length, aRow, aCol, pb, b.Length, bTransposed, pc, m, k, n, accumulate, chunks);
                WorkerPool.Run(Split, chunks);
            }
        }
    }

    // Rows [lo, hi) of C per chunk, cut on tile boundaries; each chunk packs its own B panels.
    private sealed class RowSplit : WorkerPool.IChunk
    {
        private float* _a, _b, _c;
        private int _aLength, _bLength, _aRow, _aCol, _m, _k, _n, _chunks;
        private bool _bTransposed, _accumulate;

        public void Set(float* a, int aLength, int aRow, int aCol, float* b, int bLength, bool bTransposed, float* c,
            int m, int k, int n, bool accumulate, int chunks)
        {
            _a = a;
            _b = b;
            _c = c;
            (_aLength, _aRow, _aCol, _bLength, _bTransposed) = (aLength, aRow, aCol, bLength, bTransposed);
            (_m, _k, _n, _accumulate, _chunks) = (m, k, n, accumulate, chunks);
        }

        public void Execute(int chunk)
        {
            int lo = Bound(chunk), hi = Bound(chunk + 1);
            if (hi <= lo) return;
            long aStart = (long)lo * _aRow;
            Gemm(new ReadOnlySpan<float>(_a + aStart, (int)(_aLength - aStart)), _aRow, _aCol, new ReadOnlySpan<float>(_b, _bLength), _bTransposed,
                new Span<float>(_c + (long)lo * _n, (hi - lo) * _n), hi - lo, _k, _n, _accumulate);
        }

        private int Bound(int chunk) =>
            chunk >= _chunks ? _m : (int)((long)_m * chunk / _chunks / RowsPerTile(_n) * RowsPerTile(_n));
    }

    // C[i,j] (+)= Σ_p a(i,p)·b(p,j) with a(i,p) = A[i*aRow + p*aCol] and b(p,j) = B[p*n + j] (or B[j*k + p]).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Gemm(ReadOnlySpan<float> a, int aRow, int aCol, ReadOnlySpan<float> b, bool bTransposed, Span<float> c,
        int m, int k, int n, bool accumulate)
    {
        if (Narrow(n) && k > 0 && m > 0 && n > 0)
        {
            // Row-major A: whole 16-row blocks of C as dot products, the rest of the rows by the row kernel.
            int blocks = aCol == 1 && aRow > 1 ? m / MatMulKernel.DotRows * MatMulKernel.DotRows : 0;
            if (blocks > 0) GemmDots(a, aRow, b, bTransposed, c, blocks, k, n, accumulate);
            if (blocks < m)
                GemmNarrow(a[(blocks * aRow)..], aRow, aCol, b, bTransposed, c[(blocks * n)..], m - blocks, k, n, accumulate);
            return;
        }
        if (k == 0 || m == 0 || n == 0)
        {
            if (!accumulate) c[..(m * n)].Clear();
            return;
        }
        var scratch = Scratch.ForThisThread;
        ref float a0 = ref MemoryMarshal.GetReference(a);
        ref float b0 = ref MemoryMarshal.GetReference(b);
        ref float c0 = ref MemoryMarshal.GetReference(c);
        ref float panel = ref MemoryMarshal.GetArrayDataReference(scratch.Panel);
        for (int kb = 0; kb < k; kb += KBlock)
        {
            int kc = Math.Min(KBlock, k - kb);
            bool load = accumulate || kb > 0; // the first block of an overwriting product starts from zero, not from a cleared C
            for (int j = 0; j < n; j += MatMulKernel.NR)
            {
                int cols = Math.Min(MatMulKernel.NR, n - j);
                // A strip of at most 16 columns runs the half-width kernel (the network's 10-wide output layer).
                int width = cols <= MatMulKernel.NR / 2 ? MatMulKernel.NR / 2 : MatMulKernel.NR;
                if (bTransposed) PackTransposed(ref b0, b.Length, k, kb, kc, j, cols, width, ref panel, scratch.Panel.Length);
                else Pack(ref b0, n, kb, kc, j, cols, width, ref panel);
                for (int i = 0; i < m; i += MatMulKernel.MR)
                {
                    int rows = Math.Min(MatMulKernel.MR, m - i);
                    ref float ai = ref Unsafe.Add(ref a0, (nint)i * aRow + (nint)kb * aCol);
                    ref float cij = ref Unsafe.Add(ref c0, (nint)i * n + j);
                    if (rows == MatMulKernel.MR && (cols == width || (width < MatMulKernel.NR && MatMulKernel.MasksColumns)))
                        MatMulKernel.Run(ref ai, aRow, aCol, ref panel, width, kc, ref cij, n, cols, load);
                    else
                        EdgeTile(ref ai, aRow, aCol, ref panel, width, kc, ref cij, n, rows, cols, load, scratch);
                }
            }
        }
    }

    // C's columns fit the row kernel's registers: it vectorizes over C's rows instead (see MatMulKernel.RunRows).
    private static bool Narrow(int n) => n <= MatMulKernel.RowColumns && MatMulKernel.HasRowKernel;

    // Rows of C per tile, and so the granularity of a split between threads.
    private static int RowsPerTile(int n) => Narrow(n) ? MatMulKernel.RowTile : MatMulKernel.MR;

    // The row-vectorized loop nest for C with at most 16 columns. Per 32-row tile of C the kernel needs A's
    // column segments a(i..i+32, p) contiguous: where A is stored k×m (Aᵀ·B) they already are and are read in
    // place, otherwise a 32×kc block of A is packed transposed. B (k×n, tiny) is read in place, or packed into
    // a panel when stored transposed. The tile of C is kept transposed in a per-thread buffer between k blocks
    // and written back once; when not accumulating, the first block starts from zero instead of a cleared C.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void GemmNarrow(ReadOnlySpan<float> a, int aRow, int aCol, ReadOnlySpan<float> b, bool bTransposed, Span<float> c,
        int m, int k, int n, bool accumulate)
    {
        const int RT = MatMulKernel.RowTile;
        var scratch = Scratch.ForThisThread;
        ref float a0 = ref MemoryMarshal.GetReference(a);
        ref float b0 = ref MemoryMarshal.GetReference(b);
        ref float c0 = ref MemoryMarshal.GetReference(c);
        ref float panel = ref MemoryMarshal.GetArrayDataReference(scratch.Panel);
        ref float block = ref MemoryMarshal.GetArrayDataReference(scratch.Block);
        ref float tile = ref MemoryMarshal.GetArrayDataReference(scratch.ColumnTile);
        bool aInPlace = aRow == 1;
        // Bᵀ is packed once per stretch of k that fits the panel (all of it up to k = 512 at n = 16), not once per tile.
        int kOuter = bTransposed ? Math.Max(KBlock, scratch.Panel.Length / n / KBlock * KBlock) : k;
        for (int ko = 0; ko < k; ko += kOuter)
        {
            int ke = Math.Min(kOuter, k - ko);
            bool load = accumulate || ko > 0;
            ref float bo = ref Unsafe.Add(ref b0, (nint)ko * n);
            if (bTransposed)
            {
                PackTransposed(ref b0, b.Length, k, ko, ke, 0, n, n, ref panel, scratch.Panel.Length);
                bo = ref panel;
            }
            for (int i = 0; i < m; i += RT)
            {
                int rows = Math.Min(RT, m - i);
                ref float ci = ref Unsafe.Add(ref c0, (nint)i * n);
                if (load) CopyIn(ref ci, n, rows, ref tile);
                // Read in place, A needs no blocking over k; a packed block of A holds KBlock values of p.
                bool packA = !aInPlace || rows < RT;
                int kStep = packA ? KBlock : ke;
                for (int kb = 0; kb < ke; kb += kStep)
                {
                    int kc = Math.Min(kStep, ke - kb);
                    ref float ap = ref Unsafe.Add(ref a0, (nint)i * aRow + (nint)(ko + kb) * aCol);
                    nint lda = aCol;
                    if (packA)
                    {
                        PackRows(ref ap, aRow, aCol, rows, kc, ref block);
                        ap = ref block;
                        lda = RT;
                    }
                    MatMulKernel.RunRows(ref ap, lda, ref Unsafe.Add(ref bo, (nint)kb * n), n, kc, ref tile, n, load || kb > 0);
                }
                CopyOut(ref tile, rows, ref ci, n);
            }
        }
    }

    // The dot-product loop nest for C with at most 16 columns and A row-major (the forward product X·W of the
    // 10-wide output layer): C[i,j] = A's row i · Bᵀ's row j, both contiguous, so A needs no transposing (see
    // MatMulKernel.RunDots). Bᵀ is copied (from B, transposed; from a stored Bᵀ, as is) into a 64-byte-aligned
    // panel, a stretch of k at a time, so its loads never straddle two cache lines. m is a multiple of
    // MatMulKernel.DotRows.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void GemmDots(ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, bool bTransposed, Span<float> c,
        int m, int k, int n, bool accumulate)
    {
        var scratch = Scratch.ForThisThread;
        float* bt = scratch.DotPanel;
        const int kOuter = Scratch.DotPanelLength / 16; // 16 rows: a transposed 16×16 square writes all of them
        fixed (float* a0 = a, b0 = b, c0 = c)
        {
            for (int ko = 0; ko < k; ko += kOuter)
            {
                int ke = Math.Min(kOuter, k - ko), ldb = (ke + 15) & ~15; // rows of Bᵀ start on 64-byte lines
                if (bTransposed)
                {
                    for (int j = 0; j < n; j++) new ReadOnlySpan<float>(b0 + (long)j * k + ko, ke).CopyTo(new Span<float>(bt + j * ldb, ke));
                }
                else
                {
                    // Columns past n land in rows of Bᵀ the kernel never reads, values past ke in the row's padding.
                    Transpose(ref b0[(long)ko * n], n, b.Length - (long)ko * n, ke, n, ref *bt, ldb, Scratch.DotPanelLength, squares: true);
                }
                for (int i = 0; i < m; i += MatMulKernel.DotRows)
                    MatMulKernel.RunDots(a0 + (long)i * lda + ko, lda, bt, ldb, ke, c0 + (long)i * n, n, n, accumulate || ko > 0);
            }
        }
    }

    // tile[j*RowTile + r] = C[r*n + j]: the tile of C transposed, as the row kernel holds it.
    private static void CopyIn(ref float c, int n, int rows, ref float tile)
    {
        for (int r = 0; r < rows; r++)
            for (int j = 0; j < n; j++) Unsafe.Add(ref tile, j * MatMulKernel.RowTile + r) = Unsafe.Add(ref c, r * n + j);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CopyOut(ref float tile, int rows, ref float c, int n)
    {
        int r = 0;
        if (MatMulKernel.HasRowKernel)
        {
            // 16 rows at a time transposed back through a 16×16 square (a value-by-value copy cost as much as the
            // FMAs of a 128-deep product). A row is stored 16 wide, spilling into the rows after it, which are
            // stored later; the last rows, whose spill would pass the tile's end, are copied n values.
            Span<float> square = stackalloc float[16 * 16];
            ref float s0 = ref MemoryMarshal.GetReference(square);
            for (; r + 16 <= rows; r += 16)
            {
                MatMulKernel.Transpose16(ref Unsafe.Add(ref tile, r), MatMulKernel.RowTile, ref s0, 16);
                for (int q = 0; q < 16; q++)
                {
                    ref float row = ref Unsafe.Add(ref s0, q * 16);
                    if ((r + q) * n + 16 <= rows * n) Vector512.LoadUnsafe(ref row).StoreUnsafe(ref Unsafe.Add(ref c, (r + q) * n));
                    else MemoryMarshal.CreateReadOnlySpan(ref row, n).CopyTo(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref c, (r + q) * n), n));
                }
            }
        }
        for (; r < rows; r++)
            for (int j = 0; j < n; j++) Unsafe.Add(ref c, r * n + j) = Unsafe.Add(ref tile, j * MatMulKernel.RowTile + r);
    }

    // block[p*RowTile + r] = a(r, p) for r < rows, 0 for the rows beyond: A's column segments made contiguous.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackRows(ref float a, int aRow, int aCol, int rows, int kc, ref float block)
    {
        const int RT = MatMulKernel.RowTile;
        int p = 0;
        if (aCol == 1 && rows == RT && MatMulKernel.HasRowKernel)
        {
            // Row-major A: 16×16 squares transposed in registers (a scalar copy would be store-bound, slower than the kernel).
            for (; p + 16 <= kc; p += 16)
            {
                MatMulKernel.Transpose16(ref Unsafe.Add(ref a, p), aRow, ref Unsafe.Add(ref block, p * RT), RT);
                MatMulKernel.Transpose16(ref Unsafe.Add(ref a, (nint)16 * aRow + p), aRow, ref Unsafe.Add(ref block, p * RT + 16), RT);
            }
        }
        for (; p < kc; p++)
        {
            ref float dst = ref Unsafe.Add(ref block, p * RT);
            int r = 0;
            for (; r < rows; r++) Unsafe.Add(ref dst, r) = Unsafe.Add(ref a, (nint)r * aRow + (nint)p * aCol);
            for (; r < RT; r++) Unsafe.Add(ref dst, r) = 0f;
        }
    }

    // A tile that sticks out of C (or out of A's rows): A's rows are copied into a zero-padded block, C's
    // valid part into a full-size tile, the kernel runs on those, and the valid part is copied back.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void EdgeTile(ref float a, int aRow, int aCol, ref float panel, int width, int kc, ref float c, int ldc,
        int rows, int cols, bool load, Scratch scratch)
    {
        const int MR = MatMulKernel.MR, NR = MatMulKernel.NR;
        ref float tile = ref MemoryMarshal.GetArrayDataReference(scratch.Tile);
        ref float rowsBlock = ref MemoryMarshal.GetArrayDataReference(scratch.Rows);
        if (load)
        {
            Array.Clear(scratch.Tile);
            for (int r = 0; r < rows; r++)
                for (int q = 0; q < cols; q++) Unsafe.Add(ref tile, r * NR + q) = Unsafe.Add(ref c, (nint)r * ldc + q);
        }
        if (rows == MR)
        {
            MatMulKernel.Run(ref a, aRow, aCol, ref panel, width, kc, ref tile, NR, width, load);
        }
        else
        {
            // Packed as [p][r], so the kernel reads it with row stride 1 and column stride MR.
            Array.Clear(scratch.Rows);
            for (int p = 0; p < kc; p++)
                for (int r = 0; r < rows; r++) Unsafe.Add(ref rowsBlock, p * MR + r) = Unsafe.Add(ref a, (nint)r * aRow + (nint)p * aCol);
            MatMulKernel.Run(ref rowsBlock, 1, MR, ref panel, width, kc, ref tile, NR, width, load);
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
    // Squares may read past kc (into the next row of B) and write panel rows past kc, which the kernel never
    // reads, so the 10-deep input gradient's panel is made that way too; they need a full strip 16-aligned wide,
    // since they also write every column up to the strip's width.
    private static void PackTransposed(ref float b, int bLength, int k, int kb, int kc, int j, int cols, int width, ref float panel, int panelLength)
    {
        if (cols < width) MemoryMarshal.CreateSpan(ref panel, kc * width).Clear();
        long start = (long)j * k + kb;
        Transpose(ref Unsafe.Add(ref b, (nint)start), k, bLength - start, cols, kc, ref panel, width, panelLength,
            squares: cols == width && width % 16 == 0);
    }

    // dst[x*ldd + y] = src[y*lds + x] for y < rows and x < cols. With AVX-512 (and squares) 16×16 squares are
    // transposed in registers wherever the square's reads stay below srcEnd and its writes below dstEnd: they may
    // pass rows and cols, into values the caller never uses. The rest is copied value by value (a value-by-value
    // transpose cost as much as the FMAs of the products it fed).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Transpose(ref float src, nint lds, long srcEnd, int rows, int cols, ref float dst, nint ldd, long dstEnd, bool squares)
    {
        squares &= MatMulKernel.HasRowKernel;
        for (int y0 = 0; y0 < rows; y0 += 16)
            for (int x0 = 0; x0 < cols; x0 += 16)
            {
                if (squares && (y0 + 15) * lds + x0 + 16 <= srcEnd && (x0 + 15) * ldd + y0 + 16 <= dstEnd)
                {
                    MatMulKernel.Transpose16(ref Unsafe.Add(ref src, y0 * lds + x0), lds, ref Unsafe.Add(ref dst, x0 * ldd + y0), ldd);
                    continue;
                }
                for (int y = y0; y < Math.Min(y0 + 16, rows); y++)
                    for (int x = x0; x < Math.Min(x0 + 16, cols); x++) Unsafe.Add(ref dst, x * ldd + y) = Unsafe.Add(ref src, y * lds + x);
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

    // Per-thread buffers, made once: the packed B panel, a padded block of A's rows and a C tile; for the row
    // kernel a transposed block of A and a transposed C tile.
    private sealed class Scratch
    {
        [ThreadStatic] private static Scratch? _current;

        public readonly float[] Panel = new float[KBlock * MatMulKernel.NR];
        public readonly float[] Rows = new float[KBlock * MatMulKernel.MR];
        public readonly float[] Tile = new float[MatMulKernel.MR * MatMulKernel.NR];
        public readonly float[] Block = new float[KBlock * MatMulKernel.RowTile];
        public readonly float[] ColumnTile = new float[MatMulKernel.RowTile * MatMulKernel.RowColumns];

        /// <summary>Floats in <see cref="DotPanel"/>: up to 16 rows of Bᵀ, 512 values of p each.</summary>
        public const int DotPanelLength = 16 * 512;

        // Pinned, so its address (and its 64-byte alignment) never changes.
        private readonly float[] _dotPanel = GC.AllocateArray<float>(DotPanelLength + 16, pinned: true);

        /// <summary>Rows of Bᵀ for the dot kernel, starting on a 64-byte line.</summary>
        public float* DotPanel
        {
            get
            {
                float* p = (float*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_dotPanel));
                return p + (16 - (int)((nint)p / sizeof(float) % 16)) % 16;
            }
        }

        public static Scratch ForThisThread => _current ??= new Scratch();
    }
}
