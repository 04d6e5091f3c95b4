using System.Numerics;
using System.Runtime.CompilerServices;

namespace CourseKit.Optimizers;

/// <summary>
/// AdaDelta (Zeiler, 2012): the step's units come from the decaying average u of past steps, so there
/// is no global learning rate.
/// <code>
/// r ← ρr + (1−ρ)ĝ⊙ĝ
/// Δθ = −√(u + δ)/√(r + δ) ⊙ ĝ
/// u ← ρu + (1−ρ)Δθ⊙Δθ
/// θ ← θ + Δθ
/// </code>
/// Defaults: ρ = 0.95, δ = 1e-6, and ε = 1, which is the rule above exactly. Another ε scales the
/// applied step (θ ← θ + εΔθ, u still averages the unscaled Δθ) as PyTorch's lr does, so that a
/// schedule can act on AdaDelta too.
/// Erratum resolved: the lecture has no δ in the numerator; with u = 0 at the start Δθ would be 0 forever.
/// </summary>
public sealed class AdaDelta<T> : Optimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private T[] _r = [], _u = [];

    public AdaDelta(double rho = 0.95, double delta = 1e-6, double learningRate = 1.0) : base(learningRate)
    {
        Rho = Hyperparameter.UnitInterval(rho, nameof(rho));
        Delta = Hyperparameter.NonNegative(delta, nameof(delta));
    }

    /// <summary>ρ, the decay rate of both averages.</summary>
    public double Rho { get; }

    /// <summary>δ, inside both roots.</summary>
    public double Delta { get; }

    public override string Name => "adadelta";

    protected override void AllocateState(int length) => (_r, _u) = (new T[length], new T[length]);

    protected override void Update(Span<T> theta, ReadOnlySpan<T> g, double eps)
    {
        var rule = new Rule(Broadcast(Rho), Broadcast(1 - Rho), Broadcast(Delta), Broadcast(eps));
        Sweep(rule, theta, g, _r, _u);
    }

    private readonly struct Rule(Vector<T> ρ, Vector<T> oneMinusρ, Vector<T> δ, Vector<T> ε) : IUpdateRule<T>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)] // inlined into the sweep, see IUpdateRule
        public void Apply(ref Vector<T> θ, Vector<T> g, ref Vector<T> r, ref Vector<T> u)
        {
            r = ρ * r + oneMinusρ * g * g;
            var Δθ = -Vector.SquareRoot((u + δ) / (r + δ)) * g; // √(u+δ)/√(r+δ) as one root: a square root fewer per element
            u = ρ * u + oneMinusρ * Δθ * Δθ;
            θ += ε * Δθ;
        }
    }
}
