using System.Collections.Concurrent;
using System.Diagnostics;
using CourseKit.Data;
using CourseKit.Networks;
using CourseKit.Optimizers;
using CourseKit.Training;

namespace CourseKit.Lab;

/// <summary>
/// The lecture's hands-on lab: benchmark training strategies and adaptive learning rates on a network.
/// First each optimizer finds its own best ε on the validation set (so the comparison is fair), then
/// every optimizer × schedule × seed trains from the same initial weights and minibatch order per seed.
/// Every choice (ε, schedule, winner) is made on validation; the test set is scored, never used to choose.
/// </summary>
public static class LabBenchmark
{
    public static LabResults Run(LabSettings settings, IProgress<LabProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        DatasetSplit split = LabData.Load(settings.Dataset, settings.DataSeed, settings.DataDir, settings.Images);
        int stepsPerEpoch = (split.Train.Rows + settings.BatchSize - 1) / settings.BatchSize;
        var clock = Stopwatch.StartNew();

        // 1. Learning-rate search on validation: constant ε, a few epochs, lowest validation loss wins. The test set
        //    is never looked at here.
        var trials = Search(split, settings, stepsPerEpoch, progress);
        var best = settings.Optimizers.ToDictionary(o => o, o => trials.Single(t => t.Optimizer == o && t.Chosen));

        // 2. The grid, each optimizer at its chosen ε. Run i of seed s starts from the weights Mlp(seed: s) draws and
        //    sees the minibatches MinibatchSampler(seed: s) draws, whatever the optimizer and schedule: the seeds pair the runs.
        var gridJobs = (from o in settings.Optimizers
                        from s in settings.Schedules
                        from seed in settings.Seeds
                        select (Optimizer: o, Schedule: s, Seed: seed)).ToArray();
        var gridClock = Stopwatch.StartNew();
        var runs = Parallel(gridJobs, settings.Threads, "grid", progress,
            j => $"{j.Optimizer} {j.Schedule} seed {j.Seed}",
            j => Train(split, settings, j.Optimizer, j.Schedule, best[j.Optimizer].LearningRate, j.Seed, settings.Epochs, stepsPerEpoch));

        return new LabResults(settings, runs, trials, clock.Elapsed, gridClock.Elapsed);
    }

    /// <summary>
    /// The ε search: every optimizer's default ε times each factor of <see cref="LabSettings.SearchFactors"/>; then, in
    /// rounds, one grid step more past an edge where the best sits, while that stays within
    /// <see cref="LabSettings.SearchBound"/>. An empty grid means "the default ε", with no search runs.
    /// </summary>
    private static List<LearningRateTrial> Search(DatasetSplit split, LabSettings settings, int stepsPerEpoch, IProgress<LabProgress>? progress)
    {
        var tried = settings.Optimizers.ToDictionary(o => o, _ => new SortedDictionary<double, LabRun>());
        var widened = new HashSet<(string, double)>();
        if (settings.SearchFactors.Count == 0)
            return settings.Optimizers.Select(o => new LearningRateTrial(o, OptimizerFactory.DefaultLearningRate(o), 1, double.NaN, double.NaN, false, true, false)).ToList();

        var pending = settings.Optimizers.SelectMany(o => settings.SearchFactors.Select(f => (Optimizer: o, Factor: f))).ToList();
        int done = 0, total = pending.Count;
        while (pending.Count > 0)
        {
            var jobs = pending.ToArray();
            var results = Parallel(jobs, settings.Threads, "search", null, _ => "", j =>
            {
                var run = Train(split, settings, j.Optimizer, "constant", OptimizerFactory.DefaultLearningRate(j.Optimizer) * j.Factor,
                    settings.DataSeed, settings.SearchEpochs, stepsPerEpoch);
                progress?.Report(new LabProgress("search", Interlocked.Increment(ref done), Volatile.Read(ref total), $"{j.Optimizer} ε={run.LearningRate:G3}"));
                return run;
            });
            for (int i = 0; i < jobs.Length; i++) tried[jobs[i].Optimizer][jobs[i].Factor] = results[i];

            pending.Clear();
            foreach (string o in settings.Optimizers)
            {
                double[] factors = [.. tried[o].Keys];
                int at = Array.IndexOf(factors, Best(tried[o]));
                double? next = at == 0 && factors.Length > 1 ? factors[0] * factors[0] / factors[1]
                    : at == 0 ? factors[0] / Math.Sqrt(10)
                    : at == factors.Length - 1 ? factors[^1] * factors[^1] / factors[^2]
                    : null;
                // A hair of slack, so that 10^-3 reached by ten steps of √10 still counts as inside the bound.
                if (next is { } f && f >= 1 / settings.SearchBound * (1 - 1e-9) && f <= settings.SearchBound * (1 + 1e-9))
                {
                    pending.Add((o, f));
                    widened.Add((o, f));
                }
            }

            Interlocked.Add(ref total, pending.Count);
        }

        return settings.Optimizers.SelectMany(o =>
        {
            double chosen = Best(tried[o]);
            return tried[o].Select(kv => new LearningRateTrial(o, kv.Value.LearningRate, kv.Key, SearchLoss(kv.Value),
                kv.Value.ValidationAccuracy, kv.Value.Diverged, kv.Key == chosen, widened.Contains((o, kv.Key))));
        }).ToList();

        // Lowest validation loss; an exact tie goes to the smaller ε.
        static double Best(SortedDictionary<double, LabRun> runs) => runs.OrderBy(kv => SearchLoss(kv.Value)).ThenBy(kv => kv.Key).First().Key;
    }

    /// <summary>
    /// One run: a fresh MLP from <paramref name="seed"/>, trained for the whole budget; every score is the last
    /// epoch's network (no weights are restored), so train, validation and test numbers describe one model.
    /// </summary>
    public static LabRun Train(DatasetSplit split, LabSettings settings, string optimizerName, string schedule, double learningRate, int seed, int epochs, int stepsPerEpoch)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(settings);
        var net = new Mlp([split.Train.Columns, .. settings.Hidden, split.Train.ClassCount], seed: seed);
        var optimizer = OptimizerFactory.Create<float>(optimizerName, new OptimizerSettings
        {
            LearningRate = learningRate,
            Schedule = LabSchedules.Create(schedule, learningRate, epochs * stepsPerEpoch),
        });
        var trainer = new Trainer(net, optimizer, new TrainerOptions
        {
            Epochs = epochs, BatchSize = settings.BatchSize, Seed = seed, EvaluateTrainingSet = true, RestoreBestWeights = false,
        });
        var clock = Stopwatch.StartNew();
        TrainingResult result = trainer.Fit(split.Train, split.Validation);
        double seconds = clock.Elapsed.TotalSeconds;

        var hit = result.History.Epochs.FirstOrDefault(e => e.ValidationLoss <= settings.TargetLoss);
        bool reached = result.History.Epochs.Any(e => e.ValidationLoss <= settings.TargetLoss);
        int steps = result.History.Steps.Count;
        long samples = (long)result.History.Steps.Count * settings.BatchSize;
        if (result.Diverged)
            return new LabRun(optimizerName, schedule, learningRate, seed, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN,
                reached ? hit.Epoch * stepsPerEpoch : null, reached ? hit.Elapsed.TotalSeconds : null, seconds, true, steps, samples, result.History);
        var final = result.Final;
        var test = net.Evaluate(split.Test);
        return new LabRun(optimizerName, schedule, learningRate, seed, final.TrainLoss, final.ValidationLoss, final.ValidationAccuracy, test.Loss, test.Accuracy,
            reached ? hit.Epoch * stepsPerEpoch : null, reached ? hit.Elapsed.TotalSeconds : null, seconds, false, steps, samples, result.History);
    }

    // A diverged or non-finite run ranks last in the search.
    private static double SearchLoss(LabRun run) => double.IsFinite(run.ValidationLoss) ? run.ValidationLoss : double.PositiveInfinity;

    // Runs the jobs on up to `threads` cores; results come back in job order, so the output does not depend on scheduling.
    private static LabRun[] Parallel<TJob>(TJob[] jobs, int threads, string phase, IProgress<LabProgress>? progress, Func<TJob, string> describe, Func<TJob, LabRun> run)
    {
        var results = new LabRun[jobs.Length];
        int done = 0;
        // One job at a time per core (no chunks handed out ahead), so no core idles at the end while the
        // other still holds a queue of runs.
        var order = Partitioner.Create(Enumerable.Range(0, jobs.Length), EnumerablePartitionerOptions.NoBuffering);
        System.Threading.Tasks.Parallel.ForEach(order, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            results[i] = run(jobs[i]);
            progress?.Report(new LabProgress(phase, Interlocked.Increment(ref done), jobs.Length, describe(jobs[i])));
        });
        return results;
    }
}
