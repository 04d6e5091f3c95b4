using System.Numerics;
using System.Runtime.CompilerServices;

namespace CourseKit.Optimizers;

/// <summary>
/// RMSProp with Nesterov momentum.
/// <code>
/// θ̃ = θ + αv
/// ĝ = ∇J(θ̃)
/// r ← ρr + (1−ρ)ĝ⊙ĝ
/// v ← αv − ε/√(δ + r) ⊙ ĝ
/// θ ← θ + v
/// </code>
/// Defaults: ε = 0.001, ρ = 0.9, α = 0.9, δ = 1e-6.
/// Erratum resolved: the lecture overwrites θ with θ̃; θ̃ is only where ĝ is evaluated. The lecture's
/// ε/√r has no δ; δ goes inside the root as in plain RMSProp, so a zero gradient cannot divide by zero.
/// </summary>
public sealed class RmsPropNesterov<T> : Optimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private T[] _r = [], _v = [];

    public RmsPropNesterov(double learningRate = 0.001, double rho = 0.9, double momentum = 0.9, double delta = 1e-6)
        : base(learningRate)
    {
        Rho = Hyperparameter.UnitInterval(rho, nameof(rho));
        Alpha = Hyperparameter.UnitInterval(momentum, nameof(momentum));
        Delta = Hyperparameter.NonNegative(delta, nameof(delta));
    }

    /// <summary>ρ, the decay rate of the average.</summary>
    public double Rho { get; }

    /// <summary>α, the momentum coefficient.</summary>
    public double Alpha { get; }

    /// <summary>δ, the small constant inside the root.</summary>
    public double Delta { get; }

    /// <summary>v, the velocity.</summary>
    public ReadOnlySpan<T> Velocity => _v;

    public override string Name => "rmsprop-nesterov";

    protected override void AllocateState(int length) => (_r, _v) = (new T[length], new T[length]);

    protected override T Evaluate(Span<T> theta, Span<T> gradient, GradientFunction<T> lossAndGradient) =>
        EvaluateAtInterimPoint(theta, gradient, lossAndGradient, _v, Alpha);

    // As in Nesterov: the buffer holds θ̃ here, and θ = θ̃ − αv recovers θ in the same pass.
    protected override void Update(Span<T> theta, ReadOnlySpan<T> g, double eps)
    {
        var rule = new Rule(Broadcast(eps), Broadcast(Rho), Broadcast(1 - Rho), Broadcast(Alpha), Broadcast(Delta));
        Sweep(rule, theta, g, _r, _v);
    }

    private readonly struct Rule(Vector<T> ε, Vector<T> ρ, Vector<T> oneMinusρ, Vector<T> α, Vector<T> δ) : IUpdateRule<T>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)] // inlined into the sweep, see IUpdateRule
        public void Apply(ref Vector<T> θ, Vector<T> g, ref Vector<T> r, ref Vector<T> v)
        {
            θ -= α * v; // the buffer held θ̃ = θ + αv: step back to θ
            r = ρ * r + oneMinusρ * g * g;
            v = α * v - ε / Vector.SquareRoot(δ + r) * g;
            θ += v;
        }
    }
}
