using System.Globalization;
using CourseKit.Optimizers;

namespace CourseKit.Schedules;

/// <summary>
/// ε_k as a function of the update count k (k = 0 for the first update) and the initial rate ε₀.
/// Any optimizer takes any schedule.
/// </summary>
public abstract record LearningRateSchedule
{
    /// <summary>The learning rate for update <paramref name="k"/> (k counts from 0).</summary>
    public abstract double At(long k, double initialRate);

    /// <summary>The spec this schedule parses from, e.g. <c>step:0.5:100</c>.</summary>
    public abstract string Spec { get; }

    /// <summary>ε_k = ε₀ for every k.</summary>
    public static LearningRateSchedule Constant { get; } = new ConstantSchedule();

    /// <summary>
    /// Parses <c>constant</c>, <c>step:F:N</c>, <c>annealed:T</c>, <c>exponential:T</c> or
    /// <c>linear:TAU:EPS_TAU</c> (numbers in invariant culture).
    /// </summary>
    /// <exception cref="FormatException">The spec is not one of the forms above; the message says which forms exist.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A number is out of its range.</exception>
    public static LearningRateSchedule Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        string[] parts = spec.Trim().Split(':');
        return (parts[0].ToLowerInvariant(), parts.Length) switch
        {
            ("constant", 1) => Constant,
            ("step", 3) => new StepSchedule(Number(parts[1], spec), Count(parts[2], spec)),
            ("annealed", 2) => new AnnealedSchedule(Number(parts[1], spec)),
            ("exponential", 2) => new ExponentialSchedule(Number(parts[1], spec)),
            ("linear", 3) => new LinearSchedule(Count(parts[1], spec), Number(parts[2], spec)),
            _ => throw new FormatException($"Unknown schedule '{spec}'. {Forms}"),
        };
    }

    private const string Forms = "Use constant, step:F:N, annealed:T, exponential:T or linear:TAU:EPS_TAU.";

    private static double Number(string text, string spec) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double x)
            ? x : throw new FormatException($"Schedule '{spec}': '{text}' is not a number. {Forms}");

    private static int Count(string text, string spec) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int x)
            ? x : throw new FormatException($"Schedule '{spec}': '{text}' is not a whole number. {Forms}");

    /// <summary>Checks ε₀ and k once for every schedule.</summary>
    protected static void CheckArguments(long k, double initialRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        Hyperparameter.Positive(initialRate, nameof(initialRate));
    }
}
