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
/// every optimizer × schedule × seed trains from the same initial weights per seed.
/// </summary>
public static class LabBenchmark
{
    public static LabResults Run(LabSettings settings, IProgress<LabProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        DatasetSplit split = LabData.Load(settings.Dataset, settings.DataSeed);
        int stepsPerEpoch = (split.Train.Rows + settings.BatchSize - 1) / settings.BatchSize;
        var clock = Stopwatch.StartNew();

        // 1. Learning-rate search: constant ε, a few epochs, lowest validation loss wins.
        var trialJobs = settings.Optimizers
            .SelectMany(o => (settings.SearchFactors.Count == 0 ? [1.0] : settings.SearchFactors)
                .Select(f => (Optimizer: o, Rate: OptimizerFactory.DefaultLearningRate(o) * f)))
            .ToArray();
        var trialRuns = Parallel(trialJobs, settings.Threads, "search", progress,
            j => $"{j.Optimizer} ε={j.Rate:G3}",
            j => Train(split, settings, j.Optimizer, "constant", j.Rate, settings.DataSeed, settings.SearchEpochs, stepsPerEpoch));
        var best = settings.Optimizers.ToDictionary(o => o, o => trialJobs
            .Select((j, i) => (j, run: trialRuns[i]))
            .Where(t => t.j.Optimizer == o)
            .OrderBy(t => FinalValidationLoss(t.run))
            .First().j.Rate);
        var trials = trialJobs.Select((j, i) => new LearningRateTrial(j.Optimizer, j.Rate, FinalValidationLoss(trialRuns[i]),
            trialRuns[i].ValidationAccuracy, trialRuns[i].Diverged, best[j.Optimizer] == j.Rate)).ToList();

        // 2. The grid, each optimizer at its chosen ε.
        var gridJobs = (from o in settings.Optimizers
                        from s in settings.Schedules
                        from seed in settings.Seeds
                        select (Optimizer: o, Schedule: s, Seed: seed)).ToArray();
        var gridClock = Stopwatch.StartNew();
        var runs = Parallel(gridJobs, settings.Threads, "grid", progress,
            j => $"{j.Optimizer} {j.Schedule} seed {j.Seed}",
            j => Train(split, settings, j.Optimizer, j.Schedule, best[j.Optimizer], j.Seed, settings.Epochs, stepsPerEpoch));

        return new LabResults(settings, runs, trials, clock.Elapsed, gridClock.Elapsed);
    }

    /// <summary>One run: a fresh MLP from <paramref name="seed"/>, trained and scored on validation and test.</summary>
    public static LabRun Train(DatasetSplit split, LabSettings settings, string optimizerName, string schedule, double learningRate, int seed, int epochs, int stepsPerEpoch)
    {
        var net = new Mlp([split.Train.Columns, .. settings.Hidden, split.Train.ClassCount], seed: seed);
        var optimizer = OptimizerFactory.Create<float>(optimizerName, new OptimizerSettings
        {
            LearningRate = learningRate,
            Schedule = LabSchedules.Create(schedule, learningRate, epochs * stepsPerEpoch),
        });
        var trainer = new Trainer(net, optimizer, new TrainerOptions { Epochs = epochs, BatchSize = settings.BatchSize, Seed = seed, EvaluateTrainingSet = true });
        var clock = Stopwatch.StartNew();
        TrainingResult result = trainer.Fit(split.Train, split.Validation);
        double seconds = clock.Elapsed.TotalSeconds;

        var epochsDone = result.History.Epochs;
        int? toTarget = epochsDone.FirstOrDefault(e => e.Epoch > 0 && e.ValidationAccuracy >= settings.TargetAccuracy) is { Epoch: > 0 } hit ? hit.Epoch : null;
        double test = result.Diverged ? double.NaN : net.Evaluate(split.Test).Accuracy;
        return new LabRun(optimizerName, schedule, learningRate, seed, result.Final.TrainLoss, result.Final.ValidationAccuracy, test, toTarget,
            seconds, result.Diverged, (long)result.History.Steps.Count * settings.BatchSize, result.History);
    }

    // A diverged or non-finite run ranks last in the search.
    private static double FinalValidationLoss(LabRun run)
    {
        double loss = run.Diverged || run.History.Epochs.Count == 0 ? double.NaN : run.History.Epochs[^1].ValidationLoss;
        return double.IsFinite(loss) ? loss : double.PositiveInfinity;
    }

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
