using System.Numerics;

namespace CourseKit.Optimizers;

/// <summary>
/// One optimizer's per-element update, written once on SIMD vectors. <see cref="Fused"/> sweeps it
/// over the whole parameter vector in a single pass, so each rule reads like its algorithm box.
/// </summary>
/// <remarks>
/// State vectors the rule does not use (a, b) are zero and ignored. Every Apply is marked
/// AggressiveInlining: a rule that is not inlined gets its vectors passed through memory and costs a call
/// per vector, which made Adam, Adamax, AdaDelta and RMSProp-Nesterov 2–3× slower whenever the JIT
/// compiled the sweep without profile data (measured with TieredCompilation QuickJitForLoops off).
/// </remarks>
internal interface IUpdateRule<T>
{
    void Apply(ref Vector<T> theta, Vector<T> g, ref Vector<T> a, ref Vector<T> b);
}
