namespace CourseKit.Lab;

/// <summary>
/// A mean over seeds with its two-sided t-interval: mean ± t(level, n−1) · s/√n. With one value (or a
/// value that is not finite) there is no interval: <see cref="HalfWidth"/> is NaN.
/// </summary>
public readonly record struct ConfidenceInterval(double Mean, double HalfWidth, int Count, double Level)
{
    public double Low => Mean - HalfWidth;

    public double High => Mean + HalfWidth;

    /// <summary>Whether the interval exists (two or more finite values).</summary>
    public bool HasWidth => double.IsFinite(HalfWidth);

    /// <summary>True when <paramref name="value"/> lies in [Low, High]; false when there is no interval.</summary>
    public bool Contains(double value) => HasWidth && Low <= value && value <= High;

    /// <summary>The t-interval of <paramref name="values"/> at <paramref name="level"/> (0.95 by default).</summary>
    public static ConfidenceInterval Of(IReadOnlyList<double> values, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) throw new ArgumentException("A confidence interval needs at least one value.", nameof(values));
        if (level is not (> 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(level), level, "level must be in (0, 1).");
        int n = values.Count;
        double mean = values.Average();
        if (n < 2 || !double.IsFinite(mean)) return new ConfidenceInterval(mean, double.NaN, n, level);
        double variance = values.Sum(v => (v - mean) * (v - mean)) / (n - 1);
        double half = StudentT.Quantile(0.5 + level / 2, n - 1) * Math.Sqrt(variance / n);
        return new ConfidenceInterval(mean, half, n, level);
    }
}
