using CourseKit.Optimizers;

namespace CourseKit.Analysis;

/// <summary>
/// The contraction per step measured from a run, to set beside the spectral radius the analysis predicts.
/// </summary>
public static class ContractionRate
{
    /// <summary>
    /// Runs <paramref name="optimizer"/> (reset first) on the 1-D quadratic J = ½λx² from x₀ =
    /// <paramref name="start"/> and returns x₀, x₁, …, x_steps.
    /// </summary>
    public static double[] Iterates(Optimizer<double> optimizer, double curvature, int steps, double start = 1)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        double lambda = Hyperparameter.Positive(curvature, nameof(curvature));
        Hyperparameter.AtLeastOne(steps, nameof(steps));
        if (!double.IsFinite(start)) throw new ArgumentOutOfRangeException(nameof(start), start, $"start must be finite; got {start}.");
        optimizer.Reset();
        double[] theta = [start], g = new double[1], xs = new double[steps + 1];
        xs[0] = start;
        GradientFunction<double> quadratic = (θ, gradient) =>
        {
            gradient[0] = lambda * θ[0];
            return 0.5 * lambda * θ[0] * θ[0];
        };
        for (int k = 1; k <= steps; k++)
        {
            optimizer.Step(theta, g, quadratic);
            xs[k] = theta[0];
        }

        return xs;
    }

    /// <summary>
    /// (‖s_to‖ / ‖s_from‖)^(1/(to − from)) with s_k = (x_k, x_{k−1}). The pair, not x alone, because a spiralling x
    /// passes near zero every half-turn; the pair holds the whole state (v_k = x_k − x_{k−1}), so its norm shrinks
    /// like ρᵏ up to a bounded factor, and the estimate approaches ρ as the window grows.
    /// </summary>
    /// <param name="iterates">x₀, x₁, … along one eigen-direction (one coordinate of an axis-aligned quadratic).</param>
    /// <param name="from">First index of the window, ≥ 1.</param>
    /// <param name="to">Last index, &gt; from and &lt; the number of iterates.</param>
    public static double Measure(IReadOnlyList<double> iterates, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(iterates);
        if (from < 1 || from >= iterates.Count)
            throw new ArgumentOutOfRangeException(nameof(from), from, $"from must be in [1, {iterates.Count - 1}] (it needs the iterate before it); got {from}.");
        if (to <= from || to >= iterates.Count)
            throw new ArgumentOutOfRangeException(nameof(to), to, $"to must be in [{from + 1}, {iterates.Count - 1}]; got {to}.");
        double start = Norm(iterates, from), end = Norm(iterates, to);
        if (!double.IsFinite(start) || !double.IsFinite(end))
            throw new ArgumentException("the iterates in the window are not finite (the run diverged): measure an earlier window.", nameof(iterates));
        if (start == 0)
            throw new ArgumentException($"the state at step {from} is exactly zero: nothing left to contract; start the window earlier.", nameof(iterates));
        return Math.Pow(end / start, 1.0 / (to - from));
    }

    // Hypot, not √(a² + b²): a run that has contracted to 1e-200 would square to zero.
    private static double Norm(IReadOnlyList<double> x, int k) => double.Hypot(x[k], x[k - 1]);
}
