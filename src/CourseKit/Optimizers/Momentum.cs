using System.Numerics;
using System.Runtime.CompilerServices;

namespace CourseKit.Optimizers;

/// <summary>
/// SGD with (classical) momentum: v accumulates an exponentially decaying sum of past gradients.
/// <code>
/// v ← αv − εĝ
/// θ ← θ + v
/// </code>
/// Defaults: ε = 0.01, α = 0.9.
/// </summary>
public sealed class Momentum<T> : Optimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private T[] _v = [];

    public Momentum(double learningRate = 0.01, double momentum = 0.9) : base(learningRate) =>
        Alpha = Hyperparameter.UnitInterval(momentum, nameof(momentum));

    /// <summary>α, the momentum coefficient.</summary>
    public double Alpha { get; }

    /// <summary>v, the velocity.</summary>
    public ReadOnlySpan<T> Velocity => _v;

    public override string Name => "momentum";

    protected override void AllocateState(int length) => _v = new T[length];

    protected override void Update(Span<T> theta, ReadOnlySpan<T> g, double eps)
    {
        var rule = new Rule(Broadcast(Alpha), Broadcast(eps));
        Sweep(rule, theta, g, _v, default);
    }

    private readonly struct Rule(Vector<T> α, Vector<T> ε) : IUpdateRule<T>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)] // inlined into the sweep, see IUpdateRule
        public void Apply(ref Vector<T> θ, Vector<T> g, ref Vector<T> v, ref Vector<T> _)
        {
            v = α * v - ε * g;
            θ += v;
        }
    }
}
