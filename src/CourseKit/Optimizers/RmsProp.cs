using System.Numerics;
using System.Runtime.CompilerServices;

namespace CourseKit.Optimizers;

/// <summary>
/// RMSProp: AdaGrad with an exponentially decaying average, so old gradients are forgotten.
/// <code>
/// r ← ρr + (1−ρ)ĝ⊙ĝ
/// θ ← θ − ε/√(δ + r) ⊙ ĝ
/// </code>
/// Defaults: ε = 0.001, ρ = 0.9, δ = 1e-6. δ sits inside the root, as in the lecture (PyTorch and
/// Keras put it outside: √r + δ).
/// </summary>
public sealed class RmsProp<T> : Optimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private T[] _r = [];

    public RmsProp(double learningRate = 0.001, double rho = 0.9, double delta = 1e-6) : base(learningRate)
    {
        Rho = Hyperparameter.UnitInterval(rho, nameof(rho));
        Delta = Hyperparameter.NonNegative(delta, nameof(delta));
    }

    /// <summary>ρ, the decay rate of the average.</summary>
    public double Rho { get; }

    /// <summary>δ, the small constant inside the root.</summary>
    public double Delta { get; }

    /// <summary>r, the decaying average of squared gradients.</summary>
    public ReadOnlySpan<T> SquaredGradientAverage => _r;

    public override string Name => "rmsprop";

    protected override void AllocateState(int length) => _r = new T[length];

    protected override void Update(Span<T> theta, ReadOnlySpan<T> g, double eps)
    {
        var rule = new Rule(Broadcast(eps), Broadcast(Rho), Broadcast(1 - Rho), Broadcast(Delta));
        Sweep(rule, theta, g, _r, default);
    }

    private readonly struct Rule(Vector<T> ε, Vector<T> ρ, Vector<T> oneMinusρ, Vector<T> δ) : IUpdateRule<T>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)] // inlined into the sweep, see IUpdateRule
        public void Apply(ref Vector<T> θ, Vector<T> g, ref Vector<T> r, ref Vector<T> _)
        {
            r = ρ * r + oneMinusρ * g * g;
            θ -= ε / Vector.SquareRoot(δ + r) * g;
        }
    }
}
