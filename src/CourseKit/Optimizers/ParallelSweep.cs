using System.Numerics;

namespace CourseKit.Optimizers;

/// <summary>
/// Splits one fused sweep over long vectors across cores: the caller takes the first chunk and
/// parked worker threads take the rest. Nothing is allocated per step (the job object is cached by
/// the optimizer, the workers live for the process), so the zero-allocation promise holds on many cores too.
/// </summary>
internal static unsafe class ParallelSweep
{
    /// <summary>Below this many elements a second core costs more in hand-off than it saves.</summary>
    public const int MinLength = 1 << 18;

    public static void Run<T, TRule>(ref object? cache, TRule rule, Span<T> theta, ReadOnlySpan<T> g, Span<T> a, Span<T> b, int threads)
        where T : unmanaged
        where TRule : struct, IUpdateRule<T>
    {
        var job = cache as Job<T, TRule> ?? (Job<T, TRule>)(cache = new Job<T, TRule>());
        int chunks = Math.Min(threads, Environment.ProcessorCount);
        fixed (T* pt = theta, pg = g, pa = a, pb = b)
        {
            job.Set(rule, pt, pg, a.IsEmpty ? null : pa, b.IsEmpty ? null : pb, theta.Length, chunks);
            WorkerPool.Run(job, chunks);
        }
    }

    private sealed class Job<T, TRule> : WorkerPool.IChunk
        where T : unmanaged
        where TRule : struct, IUpdateRule<T>
    {
        private TRule _rule;
        private T* _theta, _g, _a, _b;
        private int _length, _chunks;

        public void Set(TRule rule, T* theta, T* g, T* a, T* b, int length, int chunks)
        {
            _rule = rule;
            _theta = theta;
            _g = g;
            _a = a;
            _b = b;
            _length = length;
            _chunks = chunks;
        }

        public void Execute(int chunk)
        {
            // Chunk bounds fall on vector boundaries so only the last chunk has a scalar tail.
            int width = Vector<T>.Count;
            int lo = Bound(chunk, width), hi = Bound(chunk + 1, width);
            var rule = _rule;
            Fused.Run(ref rule, new Span<T>(_theta + lo, hi - lo), new ReadOnlySpan<T>(_g + lo, hi - lo),
                _a == null ? default : new Span<T>(_a + lo, hi - lo), _b == null ? default : new Span<T>(_b + lo, hi - lo));
        }

        private int Bound(int chunk, int width) =>
            chunk >= _chunks ? _length : (int)((long)_length * chunk / _chunks / width * width);
    }
}
