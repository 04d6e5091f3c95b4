using System.Numerics;
using System.Runtime.CompilerServices;

namespace CourseKit.Optimizers;

/// <summary>
/// Nesterov momentum: the gradient is taken at the interim point, where momentum is about to carry θ.
/// <code>
/// θ̃ = θ + αv
/// ĝ = ∇J(θ̃)
/// v ← αv − εĝ
/// θ ← θ + v
/// </code>
/// Defaults: ε = 0.01, α = 0.9.
/// </summary>
public sealed class Nesterov<T> : Optimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private T[] _v = [];

    public Nesterov(double learningRate = 0.01, double momentum = 0.9) : base(learningRate) =>
        Alpha = Hyperparameter.UnitInterval(momentum, nameof(momentum));

    /// <summary>α, the momentum coefficient.</summary>
    public double Alpha { get; }

    /// <summary>v, the velocity.</summary>
    public ReadOnlySpan<T> Velocity => _v;

    public override string Name => "nesterov";

    protected override void AllocateState(int length) => _v = new T[length];

    protected override T Evaluate(Span<T> theta, Span<T> gradient, GradientFunction<T> lossAndGradient) =>
        EvaluateAtInterimPoint(theta, gradient, lossAndGradient, _v, Alpha);

    // The buffer holds θ̃ here (moved there to evaluate ĝ); θ = θ̃ − αv recovers the point the
    // rule starts from, in the same pass, so Nesterov costs one extra sweep, not a saved copy.
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
            θ -= α * v; // the buffer held θ̃ = θ + αv: step back to θ
            v = α * v - ε * g;
            θ += v;
        }
    }
}
