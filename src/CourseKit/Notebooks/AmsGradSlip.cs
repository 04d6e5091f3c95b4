namespace CourseKit.Notebooks;

/// <summary>The classic slips when writing an Adam-family rule, which <see cref="OptimizerCheck"/> recognises.</summary>
[Flags]
internal enum AmsGradSlip
{
    None = 0,
    WrongSign = 1,
    NoBiasCorrection = 2,
    TimeStepOffByOne = 4,
    DeltaInsideRoot = 8,
    NoMaximum = 16,
}
