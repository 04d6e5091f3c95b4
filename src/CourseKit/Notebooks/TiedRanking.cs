namespace CourseKit.Notebooks;

/// <summary>
/// A ranking that treats ties as ties: each contender's scores over several seeds become mean ± spread
/// (<see cref="SeedScore"/>), and a contender ranks behind another only when that one is <b>clearly</b> better,
/// with a lower mean and no overlap of the two intervals mean ± spread. A difference the seeds cannot resolve
/// (two optimizers that both converge, one to 1e-22 and one to 1e-25) is then shown as a tie, not as an order.
/// </summary>
/// <remarks>
/// Rank = 1 + the number of contenders clearly better. The leading group (rank 1) is every contender nobody
/// clearly beats; each of them is tied with the best mean. Lower scores are better; +∞ means diverged and
/// ranks behind every finite mean.
/// </remarks>
public sealed class TiedRanking
{
    private TiedRanking(IReadOnlyList<SeedScore> entries) => Entries = entries;

    /// <summary>Every contender, by mean (best first; ties in mean keep the given order).</summary>
    public IReadOnlyList<SeedScore> Entries { get; }

    /// <summary>The names in the leading group (rank 1), best mean first.</summary>
    public IReadOnlyList<string> Leaders => Entries.Where(e => e.Leads).Select(e => e.Name).ToArray();

    /// <summary>The entry named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No contender has that name.</exception>
    public SeedScore this[string name] =>
        Entries.FirstOrDefault(e => e.Name == name) ?? throw new KeyNotFoundException($"No contender named '{name}' in the ranking.");

    /// <summary>Ranks <paramref name="contenders"/>, each with its scores over seeds (lower is better).</summary>
    /// <exception cref="ArgumentException">No contenders, a repeated or blank name, fewer than 2 scores for one (no
    /// spread without two seeds), or a score that is NaN or −∞.</exception>
    public static TiedRanking Of(IEnumerable<(string Name, IReadOnlyList<double> Scores)> contenders)
    {
        ArgumentNullException.ThrowIfNull(contenders);
        var given = contenders.ToList();
        if (given.Count == 0) throw new ArgumentException("give at least one contender", nameof(contenders));
        var seen = new HashSet<string>();
        foreach (var (name, scores) in given)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("every contender needs a name", nameof(contenders));
            if (!seen.Add(name)) throw new ArgumentException($"contender '{name}' appears twice", nameof(contenders));
            if (scores is null || scores.Count < 2)
                throw new ArgumentException($"contender '{name}' has {scores?.Count ?? 0} score(s); a spread needs at least 2 seeds", nameof(contenders));
            foreach (double s in scores)
                if (double.IsNaN(s) || double.IsNegativeInfinity(s))
                    throw new ArgumentException($"contender '{name}' has score {s}; scores must be numbers or +∞ (diverged)", nameof(contenders));
        }

        var summaries = given.Select(c => Summarise(c.Name, c.Scores)).ToList();
        var ranked = summaries
            .Select(s => s with { Rank = 1 + summaries.Count(o => o.Mean < s.Mean && !o.TiedWith(s)) })
            .Select((s, i) => (s, i))
            .OrderBy(t => t.s.Mean).ThenBy(t => t.i)
            .Select(t => t.s)
            .ToArray();
        return new TiedRanking(ranked);
    }

    private static SeedScore Summarise(string name, IReadOnlyList<double> scores)
    {
        double[] copy = scores.ToArray();
        if (copy.Any(double.IsPositiveInfinity)) return new SeedScore(name, copy, double.PositiveInfinity, double.PositiveInfinity, 0);
        double mean = copy.Average();
        double spread = Math.Sqrt(copy.Sum(s => (s - mean) * (s - mean)) / (copy.Length - 1));
        return new SeedScore(name, copy, mean, spread, 0);
    }
}
