using System.Globalization;
using System.Numerics;
using System.Numerics.Tensors;
using CourseKit.Optimizers;

namespace CourseKit.Clipping;

/// <summary>
/// Clipping of ĝ before the optimizer sees it (for the Nesterov variants, of the gradient at the
/// interim point): none, by value, or by norm.
/// </summary>
public abstract record GradientClipping
{
    /// <summary>Leaves ĝ as it is.</summary>
    public static GradientClipping None { get; } = new NoClipping();

    /// <summary>ĝᵢ ← min(max(ĝᵢ, −V), V): bounds each component, which may bend the direction.</summary>
    public static GradientClipping ByValue(double threshold) => new ClipByValue(threshold);

    /// <summary>If ‖ĝ‖ &gt; V then ĝ ← ĝ·V/‖ĝ‖: bounds the length, keeps the direction.</summary>
    public static GradientClipping ByNorm(double threshold) => new ClipByNorm(threshold);

    /// <summary>Clips <paramref name="gradient"/> in place.</summary>
    public abstract void Apply<T>(Span<T> gradient) where T : IFloatingPointIeee754<T>;

    /// <summary>‖ĝ‖, the L2 norm over all parameters at once.</summary>
    public static double Norm<T>(ReadOnlySpan<T> gradient) where T : IFloatingPointIeee754<T>
    {
        double norm = double.CreateTruncating(TensorPrimitives.Norm(gradient));
        if (norm is > 0 and < double.PositiveInfinity || double.IsNaN(norm)) return norm;
        // The squares over- or underflowed T (float squares overflow above ~1.8e19, so clipping by
        // norm would zero the gradient): sum them again in double, where a float's square fits.
        double sum = 0;
        foreach (T x in gradient)
        {
            double d = double.CreateTruncating(x);
            sum += d * d;
        }
        return Math.Sqrt(sum);
    }

    private sealed record NoClipping : GradientClipping
    {
        public override void Apply<T>(Span<T> gradient) { }
        public override string ToString() => "none";
    }

    private sealed record ClipByValue : GradientClipping
    {
        public ClipByValue(double threshold) => Threshold = Hyperparameter.Positive(threshold, nameof(threshold));

        public double Threshold { get; }

        public override void Apply<T>(Span<T> gradient)
        {
            T v = T.CreateTruncating(Threshold);
            TensorPrimitives.Clamp(gradient, -v, v, gradient);
        }

        public override string ToString() => "value:" + Threshold.ToString("R", CultureInfo.InvariantCulture);
    }

    private sealed record ClipByNorm : GradientClipping
    {
        public ClipByNorm(double threshold) => Threshold = Hyperparameter.Positive(threshold, nameof(threshold));

        public double Threshold { get; }

        public override void Apply<T>(Span<T> gradient)
        {
            double norm = Norm<T>(gradient);
            if (norm > Threshold) TensorPrimitives.Multiply(gradient, T.CreateTruncating(Threshold / norm), gradient);
        }

        public override string ToString() => "norm:" + Threshold.ToString("R", CultureInfo.InvariantCulture);
    }
}
