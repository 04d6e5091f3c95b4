namespace CourseKit.Optimizers;

/// <summary>Range checks shared by every optimizer, schedule and clipping rule.</summary>
/// <remarks>A hyperparameter out of range never becomes a silent NaN: it throws here, naming itself and its range.</remarks>
public static class Hyperparameter
{
    /// <summary>ε and friends: finite and &gt; 0.</summary>
    public static double Positive(double value, string name) =>
        double.IsFinite(value) && value > 0 ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number > 0; got {Show(value)}.");

    /// <summary>δ: finite and ≥ 0.</summary>
    public static double NonNegative(double value, string name) =>
        double.IsFinite(value) && value >= 0 ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number >= 0; got {Show(value)}.");

    /// <summary>α, ρ, ρ₁, ρ₂: in [0, 1).</summary>
    public static double UnitInterval(double value, string name) =>
        value is >= 0 and < 1 ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [0, 1); got {Show(value)}.");

    /// <summary>Counts such as N or τ: at least 1.</summary>
    public static int AtLeastOne(int value, string name) =>
        value >= 1 ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be an integer >= 1; got {value}.");

    private static string Show(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
