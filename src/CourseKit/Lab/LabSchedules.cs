using CourseKit.Schedules;

namespace CourseKit.Lab;

/// <summary>
/// The lab's five schedules, each scaled to the length of a run so they compare fairly: every decaying
/// schedule ends the run at about a tenth of ε₀ (step decay halves ε three times: ε₀/8).
/// </summary>
public static class LabSchedules
{
    public static IReadOnlyList<string> Names { get; } = ["constant", "step", "annealed", "exponential", "linear"];

    /// <summary>The schedule <paramref name="name"/> for a run of <paramref name="totalSteps"/> updates from ε₀.</summary>
    public static LearningRateSchedule Create(string name, double initialRate, int totalSteps)
    {
        int n = Math.Max(totalSteps, 4);
        return name switch
        {
            "constant" => LearningRateSchedule.Constant,
            "step" => new StepSchedule(0.5, Math.Max(n / 4, 1)),
            "annealed" => new AnnealedSchedule(9.0 / n),
            "exponential" => new ExponentialSchedule(Math.Log(10) / n),
            "linear" => new LinearSchedule(Math.Max(3 * n / 4, 1), initialRate / 10),
            _ => throw new ArgumentException($"Unknown schedule '{name}'. Choose from: {string.Join(", ", Names)}.", nameof(name)),
        };
    }
}
