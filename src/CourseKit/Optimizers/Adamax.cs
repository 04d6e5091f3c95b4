using System.Numerics;
using System.Runtime.CompilerServices;

namespace CourseKit.Optimizers;

/// <summary>
/// Adamax (Kingma &amp; Ba, 2015, Algorithm 2): Adam with the infinity norm in place of the root of the
/// second moment; u needs no bias correction.
/// <code>
/// t ← t+1
/// s ← ρ₁s + (1−ρ₁)ĝ
/// u ← max(ρ₂u, |ĝ|)
/// θ ← θ − (ε/(1−ρ₁ᵗ)) s/(u + δ)
/// </code>
/// Defaults: ε = 0.002, ρ₁ = 0.9, ρ₂ = 0.999, δ = 1e-8. δ in the denominator (as Keras) so u = 0
/// cannot divide by zero; the lecture names Adamax without giving its rule.
/// </summary>
public sealed class Adamax<T> : Optimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private T[] _s = [], _u = [];

    public Adamax(double learningRate = 0.002, double rho1 = 0.9, double rho2 = 0.999, double delta = 1e-8) : base(learningRate)
    {
        Rho1 = Hyperparameter.UnitInterval(rho1, nameof(rho1));
        Rho2 = Hyperparameter.UnitInterval(rho2, nameof(rho2));
        Delta = Hyperparameter.NonNegative(delta, nameof(delta));
    }

    /// <summary>ρ₁, the decay rate of the first moment s.</summary>
    public double Rho1 { get; }

    /// <summary>ρ₂, the decay of the infinity norm u.</summary>
    public double Rho2 { get; }

    /// <summary>δ, added to u.</summary>
    public double Delta { get; }

    /// <summary>t, the time step of the bias correction.</summary>
    public long TimeStep { get; private set; }

    public override string Name => "adamax";

    protected override void AllocateState(int length) => ((_s, _u), TimeStep) = ((new T[length], new T[length]), 0);

    protected override void Update(Span<T> theta, ReadOnlySpan<T> g, double eps)
    {
        TimeStep++;
        var rule = new Rule(Broadcast(eps / (1 - Math.Pow(Rho1, TimeStep))), Broadcast(Rho1), Broadcast(1 - Rho1), Broadcast(Rho2), Broadcast(Delta));
        Sweep(rule, theta, g, _s, _u);
    }

    private readonly struct Rule(Vector<T> εOver1MinusΡ1ᵗ, Vector<T> ρ1, Vector<T> oneMinusρ1, Vector<T> ρ2, Vector<T> δ) : IUpdateRule<T>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)] // inlined into the sweep, see IUpdateRule
        public void Apply(ref Vector<T> θ, Vector<T> g, ref Vector<T> s, ref Vector<T> u)
        {
            s = ρ1 * s + oneMinusρ1 * g;
            u = Vector.Max(ρ2 * u, Vector.Abs(g));
            θ -= εOver1MinusΡ1ᵗ * s / (u + δ);
        }
    }
}
