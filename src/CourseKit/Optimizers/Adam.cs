using System.Numerics;
using System.Runtime.CompilerServices;

namespace CourseKit.Optimizers;

/// <summary>
/// Adam (Kingma &amp; Ba, 2015, Algorithm 1): momentum on the gradient, RMSProp on its square, both
/// bias-corrected for their zero start.
/// <code>
/// t ← t+1
/// s ← ρ₁s + (1−ρ₁)ĝ
/// r ← ρ₂r + (1−ρ₂)ĝ⊙ĝ
/// ŝ = s/(1−ρ₁ᵗ)
/// r̂ = r/(1−ρ₂ᵗ)
/// θ ← θ − ε ŝ/(√r̂ + δ)
/// </code>
/// Defaults: ε = 0.001, ρ₁ = 0.9, ρ₂ = 0.999, δ = 1e-8.
/// Erratum resolved: t starts at 0 and is incremented before use, so the first update uses t = 1
/// (the lecture starts at t = 1, so its first update would use t = 2).
/// </summary>
public sealed class Adam<T> : Optimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private T[] _s = [], _r = [];

    public Adam(double learningRate = 0.001, double rho1 = 0.9, double rho2 = 0.999, double delta = 1e-8) : base(learningRate)
    {
        Rho1 = Hyperparameter.UnitInterval(rho1, nameof(rho1));
        Rho2 = Hyperparameter.UnitInterval(rho2, nameof(rho2));
        Delta = Hyperparameter.NonNegative(delta, nameof(delta));
    }

    /// <summary>ρ₁, the decay rate of the first moment s.</summary>
    public double Rho1 { get; }

    /// <summary>ρ₂, the decay rate of the second moment r.</summary>
    public double Rho2 { get; }

    /// <summary>δ, added to √r̂.</summary>
    public double Delta { get; }

    /// <summary>t, the time step of the bias correction.</summary>
    public long TimeStep { get; private set; }

    public override string Name => "adam";

    protected override void AllocateState(int length) => ((_s, _r), TimeStep) = ((new T[length], new T[length]), 0);

    protected override void Update(Span<T> theta, ReadOnlySpan<T> g, double eps)
    {
        TimeStep++;
        // The corrections are the same for every coordinate: divide once here, multiply in the sweep
        // (a vector division costs as much as the whole memory traffic of a step).
        var rule = new Rule(Broadcast(eps), Broadcast(Rho1), Broadcast(1 - Rho1), Broadcast(Rho2), Broadcast(1 - Rho2),
            Broadcast(1 / (1 - Math.Pow(Rho1, TimeStep))), Broadcast(1 / (1 - Math.Pow(Rho2, TimeStep))), Broadcast(Delta));
        Sweep(rule, theta, g, _s, _r);
    }

    private readonly struct Rule(Vector<T> ε, Vector<T> ρ1, Vector<T> oneMinusρ1, Vector<T> ρ2, Vector<T> oneMinusρ2,
        Vector<T> over1Minusρ1ᵗ, Vector<T> over1Minusρ2ᵗ, Vector<T> δ) : IUpdateRule<T>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)] // inlined into the sweep, see IUpdateRule
        public void Apply(ref Vector<T> θ, Vector<T> g, ref Vector<T> s, ref Vector<T> r)
        {
            s = ρ1 * s + oneMinusρ1 * g;
            r = ρ2 * r + oneMinusρ2 * g * g;
            var ŝ = s * over1Minusρ1ᵗ; // s/(1−ρ₁ᵗ)
            var r̂ = r * over1Minusρ2ᵗ; // r/(1−ρ₂ᵗ)
            θ -= ε * ŝ / (Vector.SquareRoot(r̂) + δ);
        }
    }
}
