using System.Numerics;
using System.Runtime.CompilerServices;

namespace CourseKit.Optimizers;

/// <summary>
/// AdaGrad: each parameter's rate shrinks with the square root of its accumulated squared gradients.
/// <code>
/// r ← r + ĝ⊙ĝ
/// θ ← θ − ε/(δ + √r) ⊙ ĝ
/// </code>
/// Defaults: ε = 0.01, δ = 1e-7.
/// </summary>
public sealed class AdaGrad<T> : Optimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private T[] _r = [];

    public AdaGrad(double learningRate = 0.01, double delta = 1e-7) : base(learningRate) =>
        Delta = Hyperparameter.NonNegative(delta, nameof(delta));

    /// <summary>
    /// δ, added to every √rᵢ at every step: it keeps the division finite for a coordinate whose gradients have all been
    /// zero so far (rᵢ = 0, at any step, not only the first), and it caps the effective rate ε/(δ + √rᵢ) at ε/δ.
    /// </summary>
    public double Delta { get; }

    /// <summary>r, the running sum of squared gradients.</summary>
    public ReadOnlySpan<T> SquaredGradientSum => _r;

    public override string Name => "adagrad";

    protected override void AllocateState(int length) => _r = new T[length];

    protected override void Update(Span<T> theta, ReadOnlySpan<T> g, double eps)
    {
        var rule = new Rule(Broadcast(eps), Broadcast(Delta));
        Sweep(rule, theta, g, _r, default);
    }

    private readonly struct Rule(Vector<T> ε, Vector<T> δ) : IUpdateRule<T>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)] // inlined into the sweep, see IUpdateRule
        public void Apply(ref Vector<T> θ, Vector<T> g, ref Vector<T> r, ref Vector<T> _)
        {
            r += g * g;
            θ -= ε / (δ + Vector.SquareRoot(r)) * g;
        }
    }
}
