using CourseKit.Clipping;
using CourseKit.Schedules;

namespace CourseKit.Optimizers;

/// <summary>
/// Hyperparameters by their command-line names; null means "the optimizer's default".
/// </summary>
public sealed record OptimizerSettings
{
    /// <summary>ε (ε₀ under a schedule); <c>--lr</c>.</summary>
    public double? LearningRate { get; init; }

    /// <summary>α; <c>--momentum</c>.</summary>
    public double? Momentum { get; init; }

    /// <summary>ρ; <c>--rho</c>.</summary>
    public double? Rho { get; init; }

    /// <summary>ρ₁; <c>--beta1</c>.</summary>
    public double? Beta1 { get; init; }

    /// <summary>ρ₂; <c>--beta2</c>.</summary>
    public double? Beta2 { get; init; }

    /// <summary>δ; <c>--delta</c>.</summary>
    public double? Delta { get; init; }

    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.Constant;

    public GradientClipping Clipping { get; init; } = GradientClipping.None;
}
