using System.Globalization;

namespace CourseKit.Notebooks;

/// <summary>
/// A fair learning-rate search: the same number of ε values for every optimizer, on a log grid centred where
/// that optimizer's ε makes sense (its default), widened automatically while the best ε sits on an edge.
/// </summary>
/// <remarks>
/// Each ε is scored over several seeds (lower is better, +∞ = diverged); the best ε has the lowest mean. When
/// that is the smallest or the largest ε tried, the search tries one more ε beyond it (a factor
/// <see cref="Factor"/> further), up to <see cref="MaxWiden"/> extra values per side. A best that is still on
/// the edge after that is reported by <see cref="AtEdge"/>, so a reader knows the bound was hit.
/// Among equal means the ε nearest the centre wins, so a plateau of equally good ε (every run converged)
/// does not count as an edge.
/// </remarks>
public sealed class EpsilonSearch
{
    private readonly List<(double Epsilon, IReadOnlyList<double> Scores)> _tried = [];

    private EpsilonSearch(double centre, int points, double factor, int maxWiden)
    {
        Centre = centre;
        Points = points;
        Factor = factor;
        MaxWiden = maxWiden;
    }

    /// <summary>The ε the grid is centred on.</summary>
    public double Centre { get; }

    /// <summary>ε values in the starting grid (every optimizer's budget before widening).</summary>
    public int Points { get; }

    /// <summary>The ratio between neighbouring ε values.</summary>
    public double Factor { get; }

    /// <summary>The most ε values added on each side.</summary>
    public int MaxWiden { get; }

    /// <summary>Every ε tried, smallest first, with its scores over seeds.</summary>
    public IReadOnlyList<(double Epsilon, IReadOnlyList<double> Scores)> Tried => _tried;

    /// <summary>How many ε values the widening added (0 when the best was inside the starting grid).</summary>
    public int Widened => _tried.Count - Points;

    /// <summary>The ε with the lowest mean score.</summary>
    public double BestEpsilon => _tried[BestIndex].Epsilon;

    /// <summary>The scores over seeds at <see cref="BestEpsilon"/>.</summary>
    public IReadOnlyList<double> BestScores => _tried[BestIndex].Scores;

    /// <summary>The best ε is still the smallest or largest tried: the widening bound was reached.</summary>
    public bool AtEdge => BestIndex == 0 || BestIndex == _tried.Count - 1;

    /// <summary>The ε values of the starting grid: <paramref name="points"/> values, a factor apart, centred (geometrically) on <paramref name="centre"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">centre ≤ 0 or not finite, points &lt; 3, or factor ≤ 1.</exception>
    public static double[] Grid(double centre, int points = 7, double factor = 3.1622776601683795)
    {
        Validate(centre, points, factor, 0);
        return Enumerable.Range(0, points).Select(k => centre * Math.Pow(factor, k - (points - 1) / 2.0)).ToArray();
    }

    /// <summary>Runs the search: scores every ε of <see cref="Grid"/>, then widens while the best is on an edge.</summary>
    /// <param name="centre">Where the grid is centred (e.g. the optimizer's default ε).</param>
    /// <param name="scoresAt">The scores over seeds at one ε: lower is better, +∞ for a diverged run, never NaN.</param>
    /// <param name="points">ε values in the starting grid (at least 3).</param>
    /// <param name="factor">Ratio between neighbours (&gt; 1); √10 by default, two per decade.</param>
    /// <param name="maxWiden">Most ε values added per side (≥ 0).</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of its range.</exception>
    /// <exception cref="ArgumentException"><paramref name="scoresAt"/> returned no scores or a NaN.</exception>
    public static EpsilonSearch Run(double centre, Func<double, IReadOnlyList<double>> scoresAt, int points = 7,
        double factor = 3.1622776601683795, int maxWiden = 4)
    {
        ArgumentNullException.ThrowIfNull(scoresAt);
        Validate(centre, points, factor, maxWiden);
        var search = new EpsilonSearch(centre, points, factor, maxWiden);
        foreach (double eps in Grid(centre, points, factor)) search._tried.Add((eps, Checked(eps, scoresAt(eps))));
        int below = 0, above = 0;
        while (true)
        {
            int best = search.BestIndex;
            if (best == 0 && below < maxWiden)
            {
                double eps = search._tried[0].Epsilon / factor;
                search._tried.Insert(0, (eps, Checked(eps, scoresAt(eps))));
                below++;
            }
            else if (best == search._tried.Count - 1 && above < maxWiden)
            {
                double eps = search._tried[^1].Epsilon * factor;
                search._tried.Add((eps, Checked(eps, scoresAt(eps))));
                above++;
            }
            else return search;
        }
    }

    private int BestIndex
    {
        get
        {
            int best = 0;
            for (int i = 1; i < _tried.Count; i++)
            {
                double m = Mean(_tried[i].Scores), b = Mean(_tried[best].Scores);
                if (m < b || (m == b && FromCentre(i) < FromCentre(best))) best = i;
            }

            return best;
        }
    }

    private double FromCentre(int i) => Math.Abs(Math.Log(_tried[i].Epsilon / Centre));

    private static double Mean(IReadOnlyList<double> scores) => scores.Any(double.IsPositiveInfinity) ? double.PositiveInfinity : scores.Average();

    private static IReadOnlyList<double> Checked(double eps, IReadOnlyList<double> scores)
    {
        if (scores is null || scores.Count == 0)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"no scores at ε = {eps}"), nameof(scores));
        if (scores.Any(double.IsNaN))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"a score at ε = {eps} is NaN; score a diverged run as +∞"), nameof(scores));
        return scores.ToArray();
    }

    private static void Validate(double centre, int points, double factor, int maxWiden)
    {
        if (!(centre > 0) || !double.IsFinite(centre)) throw new ArgumentOutOfRangeException(nameof(centre), centre, "must be a finite number > 0");
        if (points < 3) throw new ArgumentOutOfRangeException(nameof(points), points, "must be >= 3 (an edge and an inside)");
        if (!(factor > 1) || !double.IsFinite(factor)) throw new ArgumentOutOfRangeException(nameof(factor), factor, "must be a finite number > 1");
        ArgumentOutOfRangeException.ThrowIfNegative(maxWiden);
    }
}
