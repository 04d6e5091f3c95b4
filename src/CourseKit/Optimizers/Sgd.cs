using System.Numerics;
using System.Runtime.CompilerServices;

namespace CourseKit.Optimizers;

/// <summary>
/// Stochastic gradient descent.
/// <code>
/// θ ← θ − ε ĝ
/// </code>
/// Defaults: ε = 0.01.
/// </summary>
public sealed class Sgd<T>(double learningRate = 0.01) : Optimizer<T>(learningRate)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public override string Name => "sgd";

    protected override void AllocateState(int length) { }

    protected override void Update(Span<T> theta, ReadOnlySpan<T> g, double eps)
    {
        var rule = new Rule(Broadcast(eps));
        Sweep(rule, theta, g, default, default);
    }

    private readonly struct Rule(Vector<T> eps) : IUpdateRule<T>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)] // inlined into the sweep, see IUpdateRule
        public void Apply(ref Vector<T> θ, Vector<T> g, ref Vector<T> _, ref Vector<T> __)
        {
            θ -= eps * g;
        }
    }
}
