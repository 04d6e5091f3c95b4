using CourseKit.Optimizers;

namespace CourseKit.Notebooks;

/// <summary>
/// An optimizer on the simplest problem there is: one parameter whose gradient is the same number at every step.
/// What is left is the rule's own step-size machinery (AdaGrad's decay, AdaDelta's warm-up, Adam's bias
/// correction), which is what the notebooks' "first step" and "after k steps" exercises ask about.
/// </summary>
/// <remarks>
/// <code>
/// double first = ConstantSlope.FirstStep(new Adam&lt;double&gt;(0.01), gradient: 250);          // 0.01, whatever the gradient
/// double[] warmUp = ConstantSlope.StepLengths(new AdaDelta&lt;double&gt;(), gradient: 1, steps: 2000);
/// </code>
/// </remarks>
public static class ConstantSlope
{
    /// <summary>
    /// |Δθ_k| for k = 1 … <paramref name="steps"/>: the lengths of the updates <paramref name="optimizer"/> makes, from θ = 0,
    /// when ĝ = <paramref name="gradient"/> at every step. The optimizer is stepped (its state advances); pass a fresh one.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The gradient is not finite, or steps &lt; 1.</exception>
    public static double[] StepLengths(Optimizer<double> optimizer, double gradient, int steps)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        if (!double.IsFinite(gradient)) throw new ArgumentOutOfRangeException(nameof(gradient), gradient, "gradient must be a finite number.");
        Hyperparameter.AtLeastOne(steps, nameof(steps));
        GradientFunction<double> slope = (ReadOnlySpan<double> _, Span<double> g) => { g[0] = gradient; return 0; };
        double[] theta = [0], g = new double[1], lengths = new double[steps];
        for (int k = 0; k < steps; k++)
        {
            double before = theta[0];
            optimizer.Step(theta, g, slope);
            lengths[k] = Math.Abs(theta[0] - before);
        }

        return lengths;
    }

    /// <summary>|Δθ₁|, the length of the first update on the constant slope ĝ = <paramref name="gradient"/>.</summary>
    public static double FirstStep(Optimizer<double> optimizer, double gradient) => StepLengths(optimizer, gradient, 1)[0];
}
