namespace CourseKit.Notebooks;

/// <summary>
/// The classic slips when writing an adaptive rule from its algorithm box, which
/// <see cref="OptimizerCheck"/> recognises and names in words.
/// </summary>
[Flags]
public enum Slip
{
    None = 0,

    /// <summary>θ ← θ + … : the step goes uphill.</summary>
    WrongSign = 1,

    /// <summary>Adam without ŝ = s/(1−ρ₁ᵗ) and r̂ = r/(1−ρ₂ᵗ).</summary>
    NoBiasCorrection = 2,

    /// <summary>Adam's s divided by (1−ρ₂ᵗ) and r by (1−ρ₁ᵗ).</summary>
    SwappedBiasCorrection = 4,

    /// <summary>Adam's first update uses t = 2 (the lecture's box starts t at 1 and increments before use).</summary>
    TimeStepOffByOne = 8,

    /// <summary>δ on the wrong side of the root: inside for AdaGrad and Adam, outside for RMSProp.</summary>
    DeltaMisplaced = 16,

    /// <summary>The rule uses ε₀ (<c>LearningRate</c>) instead of ε_k, the <c>eps</c> the schedule passes in.</summary>
    InitialRateInsteadOfScheduled = 32,
}
