using System.Globalization;
using System.Text;
using Deedle;

namespace CourseKit.Lab;

/// <summary>Everything the lab measured: every run, the learning-rate search, and views for tables and charts.</summary>
public sealed class LabResults(LabSettings settings, IReadOnlyList<LabRun> runs, IReadOnlyList<LearningRateTrial> trials, TimeSpan elapsed, TimeSpan gridElapsed)
{
    public LabSettings Settings { get; } = settings;

    public IReadOnlyList<LabRun> Runs { get; } = runs;

    public IReadOnlyList<LearningRateTrial> Trials { get; } = trials;

    /// <summary>Wall time of the whole lab, search included.</summary>
    public TimeSpan Elapsed { get; } = elapsed;

    /// <summary>Wall time of the grid alone (the search excluded).</summary>
    public TimeSpan GridElapsed { get; } = gridElapsed;

    /// <summary>
    /// Training samples of the whole grid per second of the grid's wall time: every core together, with
    /// evaluation, idle cores at the end and contention all counted. Compare it with a run on one thread
    /// (<c>--threads 1</c>) to see what the second core buys.
    /// </summary>
    public double SamplesPerSecond => Runs.Sum(r => r.SamplesSeen) / Math.Max(GridElapsed.TotalSeconds, 1e-9);

    /// <summary>Optimizer × schedule, averaged over seeds, best mean test accuracy first (diverged runs count as 0).</summary>
    public IReadOnlyList<LabSummary> Summary()
    {
        var groups = Runs.GroupBy(r => (r.Optimizer, r.Schedule)).Select(g =>
        {
            double[] test = g.Select(r => r.Diverged ? 0 : r.TestAccuracy).ToArray();
            double mean = test.Average();
            double std = Math.Sqrt(test.Sum(t => (t - mean) * (t - mean)) / Math.Max(test.Length - 1, 1));
            var reached = g.Where(r => r.EpochsToTarget is not null).Select(r => (double)r.EpochsToTarget!.Value).ToArray();
            return (g.Key.Optimizer, g.Key.Schedule, g.First().LearningRate, mean, std,
                Validation: g.Average(r => r.Diverged ? 0 : r.ValidationAccuracy),
                TrainLoss: g.Average(r => r.FinalTrainLoss),
                ToTarget: reached.Length == g.Count() ? reached.Average() : (double?)null,
                Diverged: g.Count(r => r.Diverged), Runs: g.Count(), Wall: g.Average(r => r.WallSeconds));
        });
        return groups
            .OrderByDescending(s => s.mean).ThenBy(s => s.ToTarget ?? double.MaxValue).ThenBy(s => s.Optimizer, StringComparer.Ordinal)
            .Select((s, i) => new LabSummary(i + 1, s.Optimizer, s.Schedule, s.LearningRate, s.mean, s.std, s.Validation, s.TrainLoss, s.ToTarget, s.Diverged, s.Runs, s.Wall))
            .ToList();
    }

    /// <summary>Every run as a Deedle frame, one row per run.</summary>
    public Frame<int, string> ToFrame() => Frame.FromRecords(Runs.Select(r => new
    {
        r.Optimizer,
        r.Schedule,
        r.LearningRate,
        r.Seed,
        r.FinalTrainLoss,
        r.ValidationAccuracy,
        r.TestAccuracy,
        EpochsToTarget = r.EpochsToTarget is { } e ? e : double.NaN,
        r.WallSeconds,
        r.Diverged,
    }));

    /// <summary>The ranked summary as a Deedle frame.</summary>
    public Frame<int, string> SummaryFrame() => Frame.FromRecords(Summary().Select(s => new
    {
        s.Rank,
        s.Optimizer,
        s.Schedule,
        s.LearningRate,
        s.MeanTestAccuracy,
        s.StdTestAccuracy,
        s.MeanValidationAccuracy,
        s.MeanFinalTrainLoss,
        MeanEpochsToTarget = s.MeanEpochsToTarget ?? double.NaN,
        s.Diverged,
        s.Runs,
        s.MeanWallSeconds,
    }));

    /// <summary>The runs as CSV (invariant culture, shortest round-trip numbers).</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder("optimizer,schedule,learning_rate,seed,final_train_loss,validation_accuracy,test_accuracy,epochs_to_target,wall_seconds,diverged\n");
        foreach (var r in Runs)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{r.Optimizer},{r.Schedule},{N(r.LearningRate)},{r.Seed},{N(r.FinalTrainLoss)},{N(r.ValidationAccuracy)},");
            csv.Append(CultureInfo.InvariantCulture, $"{N(r.TestAccuracy)},{r.EpochsToTarget?.ToString(CultureInfo.InvariantCulture) ?? ""},{N(r.WallSeconds)},{(r.Diverged ? "true" : "false")}\n");
        }

        return csv.ToString();
    }

    private static string N(double x) => double.IsFinite(x) ? x.ToString("R", CultureInfo.InvariantCulture) : "";
}
