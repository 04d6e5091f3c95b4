namespace CourseKit.Analysis;

/// <summary>A learning rate and momentum coefficient, with the convergence rate they give on a spectrum [μ, L].</summary>
/// <param name="LearningRate">ε.</param>
/// <param name="Momentum">α (0 for gradient descent).</param>
/// <param name="Rate">The worst contraction per step over the spectrum: the error shrinks at least this fast.</param>
public sealed record TunedRate(double LearningRate, double Momentum, double Rate)
{
    /// <summary>Steps per tenfold reduction of the error, ln 10 / (−ln Rate): ∞ when the rate is ≥ 1.</summary>
    public double StepsPerTenfold => Rate >= 1 ? double.PositiveInfinity : Rate == 0 ? 0 : Math.Log(10) / -Math.Log(Rate);
}
