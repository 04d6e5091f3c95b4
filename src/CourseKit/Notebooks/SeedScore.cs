using System.Globalization;

namespace CourseKit.Notebooks;

/// <summary>
/// One contender's scores over several seeds (lower is better), summarised as mean ± spread, with its place in
/// a <see cref="TiedRanking"/>. A score of +∞ is a run that diverged.
/// </summary>
/// <param name="Name">The contender, e.g. an optimizer.</param>
/// <param name="Scores">One score per seed, as given.</param>
/// <param name="Mean">The mean over seeds; +∞ when any seed diverged.</param>
/// <param name="Spread">The sample standard deviation over seeds (n − 1 in the denominator); +∞ when any seed diverged.</param>
/// <param name="Rank">1 + how many contenders are clearly better (lower mean and not tied with this one).</param>
public sealed record SeedScore(string Name, IReadOnlyList<double> Scores, double Mean, double Spread, int Rank)
{
    /// <summary>How many seeds diverged (scored +∞).</summary>
    public int Diverged => Scores.Count(double.IsPositiveInfinity);

    /// <summary>In the leading group: no contender is clearly better, so it is tied with the best.</summary>
    public bool Leads => Rank == 1;

    /// <summary>
    /// Two contenders are tied when their means differ by no more than the sum of their spreads (the intervals
    /// mean ± spread overlap): the seeds cannot tell them apart. Two that both diverged somewhere are tied too.
    /// </summary>
    public bool TiedWith(SeedScore other)
    {
        ArgumentNullException.ThrowIfNull(other);
        bool infinite = double.IsInfinity(Mean), otherInfinite = double.IsInfinity(other.Mean);
        if (infinite || otherInfinite) return infinite && otherInfinite;
        return Math.Abs(Mean - other.Mean) <= Spread + other.Spread;
    }

    /// <summary><c>0.123 ± 0.004</c>, or <c>diverged (1 of 3 seeds)</c>.</summary>
    public string Summary(string format = "G3") => Diverged > 0
        ? $"diverged ({Diverged} of {Scores.Count} seeds)"
        : Mean.ToString(format, CultureInfo.InvariantCulture) + " ± " + Spread.ToString("G2", CultureInfo.InvariantCulture);

    public override string ToString() => $"{Name}: {Summary()} (rank {Rank})";
}
