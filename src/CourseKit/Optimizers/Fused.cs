using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CourseKit.Optimizers;

/// <summary>
/// The single fused loop every optimizer runs: load θ, ĝ and up to two state vectors, apply the rule,
/// store. One pass over memory is what makes a step run at the memory-bandwidth limit.
/// </summary>
internal static class Fused
{
    public static void Run<T, TRule>(ref TRule rule, Span<T> theta, ReadOnlySpan<T> g, Span<T> a, Span<T> b)
        where TRule : struct, IUpdateRule<T>
    {
        int n = theta.Length, width = Vector<T>.Count;
        bool hasA = a.Length != 0, hasB = b.Length != 0;
        ref T t0 = ref MemoryMarshal.GetReference(theta);
        ref T g0 = ref MemoryMarshal.GetReference(g);
        ref T a0 = ref MemoryMarshal.GetReference(a);
        ref T b0 = ref MemoryMarshal.GetReference(b);
        int i = 0;
        for (; i <= n - width; i += width)
        {
            nuint at = (nuint)i;
            var th = Vector.LoadUnsafe(ref t0, at);
            var av = hasA ? Vector.LoadUnsafe(ref a0, at) : default;
            var bv = hasB ? Vector.LoadUnsafe(ref b0, at) : default;
            rule.Apply(ref th, Vector.LoadUnsafe(ref g0, at), ref av, ref bv);
            th.StoreUnsafe(ref t0, at);
            if (hasA) av.StoreUnsafe(ref a0, at);
            if (hasB) bv.StoreUnsafe(ref b0, at);
        }
        if (i < n) Tail(ref rule, theta[i..], g[i..], hasA ? a[i..] : default, hasB ? b[i..] : default);
    }

    // The last n mod width elements go through the same vector rule on zero-padded copies, so the
    // rule is written once; padding lanes are computed and discarded.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Tail<T, TRule>(ref TRule rule, Span<T> theta, ReadOnlySpan<T> g, Span<T> a, Span<T> b)
        where TRule : struct, IUpdateRule<T>
    {
        Vector<T> th = default, gv = default, av = default, bv = default;
        Span<T> ths = MemoryMarshal.CreateSpan(ref Unsafe.As<Vector<T>, T>(ref th), Vector<T>.Count);
        Span<T> gs = MemoryMarshal.CreateSpan(ref Unsafe.As<Vector<T>, T>(ref gv), Vector<T>.Count);
        Span<T> avs = MemoryMarshal.CreateSpan(ref Unsafe.As<Vector<T>, T>(ref av), Vector<T>.Count);
        Span<T> bvs = MemoryMarshal.CreateSpan(ref Unsafe.As<Vector<T>, T>(ref bv), Vector<T>.Count);
        theta.CopyTo(ths);
        g.CopyTo(gs);
        a.CopyTo(avs);
        b.CopyTo(bvs);
        rule.Apply(ref th, gv, ref av, ref bv);
        ths[..theta.Length].CopyTo(theta);
        avs[..a.Length].CopyTo(a);
        bvs[..b.Length].CopyTo(b);
    }
}
