using System.Globalization;
using CourseKit.Optimizers;
using CourseKit.Surfaces;

namespace CourseKit.Trajectories;

/// <summary>
/// One optimizer run at every ε of a grid on a surface, with the final losses: the fair way to compare
/// optimizers whose ε means different things (a step length for Adam, a gradient multiplier for SGD,
/// a multiplier of an already-sized step for AdaDelta). Each is judged at, and around, its own best ε.
/// </summary>
/// <remarks>
/// <code>
/// var sweep = LearningRateSweep.Run(e => new Adam&lt;double&gt;(e), beale, beale.SuggestedStart, 500, LearningRateSweep.LogGrid(1e-4, 1, 4));
/// Console.WriteLine($"best ε = {sweep.BestRate}, J = {sweep.BestLoss}, band = {sweep.BandDecades(10, 1e-10)} decades");
/// </code>
/// </remarks>
public sealed class LearningRateSweep
{
    private readonly double[] _rates, _losses;

    private LearningRateSweep(double[] rates, double[] losses)
    {
        _rates = rates;
        _losses = losses;
        BestIndex = 0;
        for (int i = 1; i < losses.Length; i++)
            if (losses[i] < losses[BestIndex]) BestIndex = i;
    }

    /// <summary>The ε values, ascending.</summary>
    public IReadOnlyList<double> Rates => _rates;

    /// <summary>The final loss at each ε; +∞ for a run that diverged (NaN or infinite θ or J).</summary>
    public IReadOnlyList<double> Losses => _losses;

    /// <summary>The index of the lowest final loss (the smallest ε among equal losses).</summary>
    public int BestIndex { get; }

    /// <summary>The ε with the lowest final loss.</summary>
    public double BestRate => _rates[BestIndex];

    /// <summary>The lowest final loss.</summary>
    public double BestLoss => _losses[BestIndex];

    /// <summary>Whether the best ε is the grid's first or last: then the search should be widened before it is trusted.</summary>
    public bool BestAtEdge => BestIndex == 0 || BestIndex == _rates.Length - 1;

    /// <summary>
    /// Runs <paramref name="optimizer"/>(ε) from <paramref name="start"/> for <paramref name="steps"/> updates at every ε of
    /// <paramref name="rates"/> (finite, &gt; 0, strictly ascending) and records the final exact loss.
    /// </summary>
    /// <exception cref="ArgumentException">No rates, or rates not strictly ascending.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A rate that is not a finite number &gt; 0, or steps &lt; 1.</exception>
    public static LearningRateSweep Run(Func<double, Optimizer<double>> optimizer, Surface surface, (double X, double Y) start, int steps,
        IReadOnlyList<double> rates, GradientFunction<double>? gradient = null)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(surface);
        ArgumentNullException.ThrowIfNull(rates);
        Hyperparameter.AtLeastOne(steps, nameof(steps));
        if (rates.Count == 0) throw new ArgumentException("give at least one learning rate", nameof(rates));
        double[] grid = new double[rates.Count];
        for (int i = 0; i < grid.Length; i++)
        {
            grid[i] = Hyperparameter.Positive(rates[i], nameof(rates));
            if (i > 0 && !(grid[i] > grid[i - 1]))
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"rates must be strictly ascending; rate {i} ({grid[i]:G6}) follows {grid[i - 1]:G6}."), nameof(rates));
        }

        double[] losses = new double[grid.Length];
        for (int i = 0; i < grid.Length; i++)
        {
            var run = Trajectory.Run(optimizer(grid[i]), surface, start, steps, gradient);
            losses[i] = run.Diverged ? double.PositiveInfinity : run.Last.Loss;
        }

        return new LearningRateSweep(grid, losses);
    }

    /// <summary>
    /// <paramref name="perDecade"/> log-spaced values per decade from <paramref name="from"/> to <paramref name="to"/> (both included
    /// when <paramref name="to"/> lies on the grid), e.g. LogGrid(1e-3, 1, 4) = 1e-3, 1.78e-3, 3.16e-3, …, 1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A bound not finite and &gt; 0, to &lt; from, or perDecade &lt; 1.</exception>
    public static double[] LogGrid(double from, double to, int perDecade)
    {
        Hyperparameter.Positive(from, nameof(from));
        Hyperparameter.Positive(to, nameof(to));
        Hyperparameter.AtLeastOne(perDecade, nameof(perDecade));
        if (to < from) throw new ArgumentOutOfRangeException(nameof(to), to, $"to must be >= from ({from.ToString("G6", CultureInfo.InvariantCulture)}).");
        // Counting in whole grid steps (not adding a step repeatedly) keeps 1e-3 … 1 free of drift; the 1e-9 lets 'to' in.
        int n = (int)Math.Floor(Math.Log10(to / from) * perDecade + 1e-9);
        return Enumerable.Range(0, n + 1).Select(i => from * Math.Pow(10, (double)i / perDecade)).ToArray();
    }

    /// <summary>
    /// The width, in decades of ε, of the unbroken stretch of the grid around the best ε whose final losses stay within
    /// <paramref name="factor"/> of the best: log₁₀(ε_high/ε_low), 0 when only the best qualifies. A loss at or below
    /// <paramref name="converged"/> counts as converged, so that near-zero losses (1e-20 against 1e-18) are not told apart:
    /// the threshold is factor · max(best, converged). The width is measured at the grid's resolution.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">factor &lt; 1 or not finite, or converged &lt; 0.</exception>
    public double BandDecades(double factor = 10, double converged = 0)
    {
        if (!(double.IsFinite(factor) && factor >= 1))
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "factor must be a finite number >= 1.");
        Hyperparameter.NonNegative(converged, nameof(converged));
        if (double.IsPositiveInfinity(BestLoss)) return 0;
        double threshold = factor * Math.Max(BestLoss, converged);
        int low = BestIndex, high = BestIndex;
        while (low > 0 && _losses[low - 1] <= threshold) low--;
        while (high < _losses.Length - 1 && _losses[high + 1] <= threshold) high++;
        return Math.Log10(_rates[high] / _rates[low]);
    }
}
