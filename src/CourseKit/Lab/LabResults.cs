using System.Globalization;
using System.Text;
using Deedle;

namespace CourseKit.Lab;

/// <summary>
/// Everything the lab measured: every run, the learning-rate search, what validation chose, and views for tables
/// and charts. Every choice here is made on validation loss; test scores are carried along, never compared.
/// </summary>
public sealed class LabResults
{
    /// <summary>Below this mean run length, wall times are mostly the scheduler's noise and the lab does not show them.</summary>
    public const double MinimumSecondsForTiming = 2.0;

    private readonly Lazy<IReadOnlyList<LabSummary>> _summary;

    public LabResults(LabSettings settings, IReadOnlyList<LabRun> runs, IReadOnlyList<LearningRateTrial> trials, TimeSpan elapsed, TimeSpan gridElapsed)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(trials);
        (Settings, Runs, Trials, Elapsed, GridElapsed) = (settings, runs, trials, elapsed, gridElapsed);
        _summary = new Lazy<IReadOnlyList<LabSummary>>(Summarize);
    }

    public LabSettings Settings { get; }

    public IReadOnlyList<LabRun> Runs { get; }

    public IReadOnlyList<LearningRateTrial> Trials { get; }

    /// <summary>Wall time of the whole lab, search included.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Wall time of the grid alone (the search excluded).</summary>
    public TimeSpan GridElapsed { get; }

    /// <summary>
    /// Training samples of the whole grid per second of the grid's wall time: every core together, with
    /// evaluation, idle cores at the end and contention all counted. Compare it with a run on one thread
    /// (<c>--threads 1</c>) to see what the second core buys.
    /// </summary>
    public double SamplesPerSecond => Runs.Sum(r => r.SamplesSeen) / Math.Max(GridElapsed.TotalSeconds, 1e-9);

    /// <summary>Steps of one grid run: the fixed budget every score is measured after.</summary>
    public int BudgetSteps => Runs.Count == 0 ? 0 : Runs.Max(r => r.Steps);

    /// <summary>Whether runs are long enough (on average at least <see cref="MinimumSecondsForTiming"/>) for seconds to mean something.</summary>
    public bool TimingIsMeaningful => Runs.Count > 0 && Runs.Average(r => r.WallSeconds) >= MinimumSecondsForTiming;

    /// <summary>Whether there are enough seeds (two or more) for confidence intervals and ties.</summary>
    public bool HasIntervals => Settings.Seeds.Count >= 2;

    /// <summary>
    /// Optimizer × schedule over seeds, lowest mean validation loss first (configurations with a diverged run last).
    /// The first row is the best on validation; <see cref="LabSummary.TiedWithBest"/> marks the rows the seeds cannot
    /// tell apart from it.
    /// </summary>
    public IReadOnlyList<LabSummary> Summary() => _summary.Value;

    /// <summary>The best configuration and every configuration tied with it on validation (the best first).</summary>
    public IReadOnlyList<LabSummary> TiedWithBest() => Summary().Where(s => s.TiedWithBest).ToList();

    /// <summary>Per optimizer, in the order of the settings: the ε and the schedule validation chose.</summary>
    public IReadOnlyList<LabChoice> Choices() => Settings.Optimizers.Select(o =>
    {
        var trials = Trials.Where(t => t.Optimizer == o).OrderBy(t => t.Factor).ToList();
        var chosen = trials.Single(t => t.Chosen);
        bool searched = trials.Count > 1 || Settings.SearchFactors.Count > 0;
        bool atBound = searched && (chosen == trials[0] || chosen == trials[^1]);
        string schedule = Summary().First(s => s.Optimizer == o && s.IsChosenSchedule).Schedule;
        return new LabChoice(o, chosen.LearningRate, chosen.Factor, atBound, schedule);
    }).ToList();

    private List<LabSummary> Summarize()
    {
        double level = Settings.ConfidenceLevel;
        var groups = Runs.GroupBy(r => (r.Optimizer, r.Schedule))
            .Select(g => (g.Key.Optimizer, g.Key.Schedule, Runs: g.OrderBy(r => r.Seed).ToArray()))
            .Select(g => (g.Optimizer, g.Schedule, g.Runs,
                Loss: ConfidenceInterval.Of(g.Runs.Select(r => r.Diverged ? double.PositiveInfinity : r.ValidationLoss).ToArray(), level),
                Diverged: g.Runs.Count(r => r.Diverged)))
            // Lowest mean validation loss first; a configuration with a diverged run has mean ∞ and goes last.
            .OrderBy(g => g.Loss.Mean).ThenBy(g => g.Diverged)
            .ThenBy(g => Index(Settings.Optimizers, g.Optimizer)).ThenBy(g => Index(Settings.Schedules, g.Schedule))
            .ToList();
        var best = groups[0];
        var chosen = groups.GroupBy(g => g.Optimizer).Select(g => (g.Key, g.First().Schedule)).ToHashSet();
        return groups.Select((g, i) =>
        {
            ConfidenceInterval? difference = null;
            bool tied = i == 0;
            if (i > 0 && g.Diverged == 0 && best.Diverged == 0 && HasIntervals && SameSeeds(g.Runs, best.Runs))
            {
                // Paired: seed by seed, this configuration minus the best, from the same weights and minibatches.
                var d = ConfidenceInterval.Of(g.Runs.Zip(best.Runs, (a, b) => a.ValidationLoss - b.ValidationLoss).ToArray(), level);
                difference = d;
                tied = d.Contains(0);
            }

            var reached = g.Runs.Where(r => r.StepsToTarget is not null).ToArray();
            bool allReached = reached.Length == g.Runs.Length;
            return new LabSummary(g.Optimizer, g.Schedule, g.Runs[0].LearningRate, g.Runs.Length, g.Diverged, g.Loss,
                ConfidenceInterval.Of(g.Runs.Select(r => r.Diverged ? 0 : r.ValidationAccuracy).ToArray(), level),
                ConfidenceInterval.Of(g.Runs.Select(r => r.Diverged ? 0 : r.TestAccuracy).ToArray(), level),
                g.Runs.Average(r => r.TrainLoss),
                allReached ? reached.Average(r => (double)r.StepsToTarget!.Value) : null,
                allReached ? reached.Average(r => r.SecondsToTarget!.Value) : null,
                difference, i == 0, tied, chosen.Contains((g.Optimizer, g.Schedule)), g.Runs.Average(r => r.WallSeconds));
        }).ToList();

        static bool SameSeeds(LabRun[] a, LabRun[] b) => a.Select(r => r.Seed).SequenceEqual(b.Select(r => r.Seed));
        static int Index(IReadOnlyList<string> names, string name) => names.ToList().IndexOf(name);
    }

    /// <summary>Every run as a Deedle frame, one row per run.</summary>
    public Frame<int, string> ToFrame() => Frame.FromRecords(Runs.Select(r => new
    {
        r.Optimizer,
        r.Schedule,
        r.LearningRate,
        r.Seed,
        r.TrainLoss,
        r.ValidationLoss,
        r.ValidationAccuracy,
        r.TestAccuracy,
        StepsToTarget = r.StepsToTarget is { } e ? e : double.NaN,
        r.Diverged,
    }));

    /// <summary>The summary as a Deedle frame: means and t-interval half-widths (±) over seeds, best on validation first.</summary>
    public Frame<int, string> SummaryFrame() => Frame.FromRecords(Summary().Select(s => new
    {
        s.Optimizer,
        s.Schedule,
        s.LearningRate,
        ValidationLoss = s.ValidationLoss.Mean,
        ValidationLossPlusMinus = s.ValidationLoss.HalfWidth,
        DifferenceFromBest = s.DifferenceFromBest?.Mean ?? double.NaN,
        DifferencePlusMinus = s.DifferenceFromBest?.HalfWidth ?? double.NaN,
        s.TiedWithBest,
        TestAccuracy = s.TestAccuracy.Mean,
        TestAccuracyPlusMinus = s.TestAccuracy.HalfWidth,
        StepsToTarget = s.MeanStepsToTarget ?? double.NaN,
        s.Diverged,
    }));

    /// <summary>The runs as CSV (invariant culture, shortest round-trip numbers); every score is the last epoch's network.</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder("optimizer,schedule,learning_rate,seed,steps,train_loss,validation_loss,validation_accuracy,test_loss,test_accuracy,steps_to_target_loss,wall_seconds,diverged\n");
        foreach (var r in Runs)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{r.Optimizer},{r.Schedule},{N(r.LearningRate)},{r.Seed},{r.Steps},{N(r.TrainLoss)},{N(r.ValidationLoss)},{N(r.ValidationAccuracy)},");
            csv.Append(CultureInfo.InvariantCulture, $"{N(r.TestLoss)},{N(r.TestAccuracy)},{r.StepsToTarget?.ToString(CultureInfo.InvariantCulture) ?? ""},{N(r.WallSeconds)},{(r.Diverged ? "true" : "false")}\n");
        }

        return csv.ToString();
    }

    private static string N(double x) => double.IsFinite(x) ? x.ToString("R", CultureInfo.InvariantCulture) : "";
}
