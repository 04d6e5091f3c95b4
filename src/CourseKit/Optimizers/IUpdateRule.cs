using System.Numerics;

namespace CourseKit.Optimizers;

/// <summary>
/// One optimizer's per-element update, written once on SIMD vectors. <see cref="Fused"/> sweeps it
/// over the whole parameter vector in a single pass, so each rule reads like its algorithm box.
/// </summary>
/// <remarks>State vectors the rule does not use (a, b) are zero and ignored.</remarks>
internal interface IUpdateRule<T>
{
    void Apply(ref Vector<T> theta, Vector<T> g, ref Vector<T> a, ref Vector<T> b);
}
