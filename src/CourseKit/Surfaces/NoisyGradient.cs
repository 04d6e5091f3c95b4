using CourseKit.Optimizers;

namespace CourseKit.Surfaces;

/// <summary>
/// A surface whose gradient comes with noise, as a minibatch gradient does:
/// <code>
/// ĝ = ∇f(θ) + ξ,   ξᵢ ~ N(0, scale²) independently per component and per call
/// </code>
/// The loss returned is exact; only the gradient is noisy. Use it to watch SGD jitter around a
/// minimum, escape a saddle by chance, or how averaging methods (momentum, Adam) smooth the noise.
/// </summary>
/// <remarks>
/// The noise comes from its own <see cref="Random"/> with the given seed, so the same seed replays the
/// same sequence of noisy gradients. Normal draws use the Box–Muller transform, which yields two at a
/// time; the spare is kept for the next component. A call allocates nothing.
/// </remarks>
public sealed class NoisyGradient
{
    private readonly Random _random;
    private double _spare;
    private bool _hasSpare;

    /// <param name="surface">The surface whose exact gradient gets the noise.</param>
    /// <param name="scale">The noise's standard deviation, ≥ 0 (0 gives the exact gradient).</param>
    /// <param name="seed">Seeds the noise: the same seed gives the same noise.</param>
    /// <exception cref="ArgumentOutOfRangeException">scale is negative or not finite.</exception>
    public NoisyGradient(Surface surface, double scale, int seed)
    {
        ArgumentNullException.ThrowIfNull(surface);
        Surface = surface;
        Scale = Hyperparameter.NonNegative(scale, nameof(scale));
        Seed = seed;
        _random = new Random(seed);
    }

    /// <summary>The surface underneath.</summary>
    public Surface Surface { get; }

    /// <summary>The noise's standard deviation.</summary>
    public double Scale { get; }

    /// <summary>The seed of the noise sequence.</summary>
    public int Seed { get; }

    /// <summary>
    /// Writes ∇f(θ) + ξ into <paramref name="gradient"/> and returns the exact f(θ). Matches
    /// <see cref="GradientFunction{T}"/> with T = double.
    /// </summary>
    /// <exception cref="ArgumentException">θ or the gradient does not have exactly 2 elements.</exception>
    public double LossAndGradient(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        double loss = Surface.LossAndGradient(theta, gradient);
        if (Scale > 0)
        {
            gradient[0] += Scale * NextStandardNormal();
            gradient[1] += Scale * NextStandardNormal();
        }

        return loss;
    }

    // Box–Muller: for u₁ ∈ (0, 1] and u₂ ∈ [0, 1), √(−2 ln u₁)·(cos 2πu₂, sin 2πu₂) are two independent N(0, 1).
    private double NextStandardNormal()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }

        double u1 = 1 - _random.NextDouble(), u2 = _random.NextDouble();
        double radius = Math.Sqrt(-2 * Math.Log(u1));
        (double sin, double cos) = Math.SinCos(2 * Math.PI * u2);
        _spare = radius * sin;
        _hasSpare = true;
        return radius * cos;
    }
}
