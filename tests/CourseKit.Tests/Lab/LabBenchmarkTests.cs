using CourseKit.Lab;

namespace CourseKit.Tests.Lab;

public class LabBenchmarkTests
{
    private static readonly LabSettings Small = new()
    {
        Dataset = "digits",
        Optimizers = ["sgd", "adam"],
        Schedules = ["constant", "exponential"],
        Seeds = [1, 2],
        Epochs = 3,
        SearchFactors = [0.3, 1, 3],
        SearchEpochs = 2,
    };

    private static readonly Lazy<LabResults> SmallResults = new(() => LabBenchmark.Run(Small));

    [Fact]
    public void The_grid_has_a_run_per_optimizer_schedule_and_seed_and_a_trial_per_search_point()
    {
        var results = SmallResults.Value;
        Assert.Equal(2 * 2 * 2, results.Runs.Count);
        Assert.True(results.Trials.Count >= 2 * 3);
        Assert.Equal(results.Trials.Count, results.Trials.Select(t => (t.Optimizer, t.Factor)).Distinct().Count()); // no point trained twice
        Assert.All(results.Runs, r => Assert.Equal(4, r.History.Epochs.Count)); // epoch 0 plus three
        Assert.All(results.Runs, r => Assert.InRange(r.TestAccuracy, 0.5, 1.0));
        Assert.All(results.Runs, r => Assert.Equal(results.BudgetSteps, r.Steps));
    }

    [Fact]
    public void Samples_per_second_is_the_grids_samples_over_the_grids_wall_time()
    {
        var results = LabBenchmark.Run(Small with { SearchFactors = [] });
        long samples = results.Runs.Sum(r => r.SamplesSeen);
        Assert.Equal(results.Runs.Count * results.Runs[0].SamplesSeen, samples); // same set, epochs and batch for every run
        Assert.InRange(results.GridElapsed, TimeSpan.FromSeconds(results.Runs.Max(r => r.WallSeconds)), results.Elapsed); // the grid holds each run
        Assert.Equal(samples / results.GridElapsed.TotalSeconds, results.SamplesPerSecond, 6);
    }

    [Fact]
    public void Each_optimizer_runs_at_the_searched_rate_with_the_lowest_validation_loss()
    {
        var results = SmallResults.Value;
        foreach (var group in results.Trials.GroupBy(t => t.Optimizer))
        {
            var chosen = Assert.Single(group, t => t.Chosen);
            Assert.Equal(group.Min(t => t.ValidationLoss), chosen.ValidationLoss);
            Assert.All(results.Runs.Where(r => r.Optimizer == group.Key), r => Assert.Equal(chosen.LearningRate, r.LearningRate));
        }
    }

    [Fact]
    public void The_search_widens_past_an_edge_where_the_best_sits_until_it_is_inside_or_at_the_bound()
    {
        // SGD at 1% of its default ε is far too slow: the best is the grid's upper edge, so the grid must grow upwards.
        var settings = Small with { Optimizers = ["sgd"], Schedules = ["constant"], Seeds = [1], SearchFactors = [0.01, 0.03], SearchBound = 100 };
        var results = LabBenchmark.Run(settings);
        var trials = results.Trials.OrderBy(t => t.Factor).ToList();
        Assert.True(trials.Count > 2, "the grid did not grow");
        Assert.All(trials.Skip(2), t => Assert.True(t.Widened));
        Assert.All(trials, t => Assert.InRange(t.Factor, 0.01 * (1 - 1e-9), 100 * (1 + 1e-9)));
        var chosen = trials.Single(t => t.Chosen);
        var choice = Assert.Single(results.Choices());
        bool interior = chosen != trials[0] && chosen != trials[^1];
        double nextUp = trials[^1].Factor * trials[^1].Factor / trials[^2].Factor;
        Assert.True(interior || nextUp > 100, $"the search stopped at an edge (factor {chosen.Factor}) with room left");
        Assert.Equal(!interior, choice.AtSearchBound);
    }

    [Fact]
    public void A_winner_left_at_the_bound_is_flagged()
    {
        // A bound of 1 leaves no room to widen: the only point is at the bound.
        var results = LabBenchmark.Run(Small with { Optimizers = ["adam"], Schedules = ["constant"], Seeds = [1], SearchFactors = [1], SearchBound = 1 });
        Assert.Single(results.Trials);
        Assert.True(Assert.Single(results.Choices()).AtSearchBound);
        Assert.Contains("bound", Assert.Single(LabReport.Warnings(results)));
    }

    [Fact]
    public void Every_seed_gives_all_configurations_the_same_initial_weights_and_minibatch_order()
    {
        var results = SmallResults.Value;
        foreach (var seed in results.Runs.GroupBy(r => r.Seed))
        {
            // Epoch 0 is the untrained network: the same weights give the same losses on the whole sets.
            Assert.Single(seed.Select(r => (r.History.Epochs[0].TrainLoss, r.History.Epochs[0].ValidationLoss)).Distinct());
            // Step 0's loss is the initial weights on the first minibatch: the same batch for every optimizer.
            Assert.Single(seed.Select(r => r.History.Steps[0].Loss).Distinct());
            // Every schedule starts at ε₀, so one optimizer's second step is the same only if its second batch is too.
            foreach (var optimizer in seed.GroupBy(r => r.Optimizer))
                Assert.Single(optimizer.Select(r => r.History.Steps[1].Loss).Distinct());
        }

        Assert.NotEqual(results.Runs.First(r => r.Seed == 1).History.Steps[0].Loss, results.Runs.First(r => r.Seed == 2).History.Steps[0].Loss);
    }

    [Fact]
    public void Every_score_of_a_run_describes_the_network_after_its_last_epoch()
    {
        foreach (var run in SmallResults.Value.Runs)
        {
            var last = run.History.Epochs[^1];
            Assert.Equal(last.TrainLoss, run.TrainLoss);
            Assert.Equal(last.ValidationLoss, run.ValidationLoss);
            Assert.Equal(last.ValidationAccuracy, run.ValidationAccuracy);
        }

        // The test score is that same network's: retraining the run and scoring its final weights gives it back.
        var split = LabData.Load("digits");
        var one = SmallResults.Value.Runs[0];
        var again = LabBenchmark.Train(split, Small, one.Optimizer, one.Schedule, one.LearningRate, one.Seed, Small.Epochs, one.Steps / Small.Epochs);
        Assert.Equal(one.TestAccuracy, again.TestAccuracy);
        Assert.Equal(one.TestLoss, again.TestLoss);
    }

    [Fact]
    public void Same_settings_give_the_same_numbers_on_one_thread_or_two()
    {
        static double[] Numbers(LabResults r) => r.Runs.SelectMany(x => new[] { x.TrainLoss, x.ValidationLoss, x.TestAccuracy, x.LearningRate }).ToArray();
        var one = LabBenchmark.Run(Small with { Threads = 1 });
        var two = LabBenchmark.Run(Small with { Threads = 2 });
        Assert.Equal(Numbers(one), Numbers(two));
        Assert.Equal(one.Trials.Select(t => t.LearningRate), two.Trials.Select(t => t.LearningRate));
    }

    [Fact]
    public void The_summary_is_ordered_by_mean_validation_loss_and_the_tables_have_every_row()
    {
        var results = SmallResults.Value;
        var summary = results.Summary();
        Assert.Equal(4, summary.Count);
        Assert.True(summary.Zip(summary.Skip(1)).All(p => p.First.ValidationLoss.Mean <= p.Second.ValidationLoss.Mean));
        Assert.True(summary[0].IsBest && summary[0].TiedWithBest);
        Assert.Single(summary, s => s.IsBest);
        Assert.Equal(8, results.ToFrame().RowCount);
        Assert.Equal(4, results.SummaryFrame().RowCount);
        string[] csv = results.ToCsv().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("optimizer,schedule,learning_rate,seed,", csv[0]);
        Assert.Equal(9, csv.Length);
    }

    [Fact]
    public void Each_optimizers_schedule_is_the_one_with_its_lowest_mean_validation_loss()
    {
        var results = SmallResults.Value;
        foreach (var choice in results.Choices())
        {
            var mine = results.Runs.Where(r => r.Optimizer == choice.Optimizer).GroupBy(r => r.Schedule)
                .ToDictionary(g => g.Key, g => g.Average(r => r.ValidationLoss));
            Assert.Equal(mine.MinBy(kv => kv.Value).Key, choice.Schedule);
        }
    }

    [Fact]
    public void Test_scores_never_change_a_choice()
    {
        var results = SmallResults.Value;
        // Turn the test scores upside down: the worst on validation now has the best test accuracy.
        var flipped = new LabResults(results.Settings, results.Runs.Select(r => r with { TestAccuracy = r.ValidationLoss, TestLoss = -r.ValidationLoss }).ToList(),
            results.Trials, results.Elapsed, results.GridElapsed);
        static string Key(LabResults r) => string.Join(";", r.Summary().Select(s => $"{s.Optimizer}/{s.Schedule}/{s.TiedWithBest}")) + "|" +
                                           string.Join(";", r.Choices().Select(c => $"{c.Optimizer}/{c.LearningRate}/{c.Schedule}"));
        Assert.Equal(Key(results), Key(flipped));
    }

    [Fact]
    public void A_configuration_is_tied_with_the_best_exactly_when_its_paired_difference_interval_contains_zero()
    {
        var results = SmallResults.Value;
        var runs = results.Runs.ToList();
        var byConfig = runs.GroupBy(r => (r.Optimizer, r.Schedule)).Select(g => g.OrderBy(r => r.Seed).ToArray()).ToArray();
        // Seed 1 and seed 2 validation losses: a best (0.10, 0.20); one always 0.01 worse (no noise: not tied);
        // one better on seed 1 and worse on seed 2 (noise: tied); one clearly worse.
        double[][] losses = [[0.10, 0.20], [0.11, 0.21], [0.05, 0.30], [0.50, 0.60]];
        var edited = byConfig.SelectMany((g, i) => g.Select((r, k) => r with { ValidationLoss = losses[i][k] })).ToList();
        var summary = new LabResults(results.Settings, edited, results.Trials, results.Elapsed, results.GridElapsed).Summary();
        string Name(int i) => $"{byConfig[i][0].Optimizer}/{byConfig[i][0].Schedule}";
        var tied = summary.Where(s => s.TiedWithBest).Select(s => $"{s.Optimizer}/{s.Schedule}").ToHashSet();
        Assert.Equal(Name(0), $"{summary[0].Optimizer}/{summary[0].Schedule}");
        Assert.Equal(new HashSet<string> { Name(0), Name(2) }, tied);
        var constant = summary.Single(s => $"{s.Optimizer}/{s.Schedule}" == Name(1)).DifferenceFromBest!.Value;
        Assert.Equal(0.01, constant.Mean, 12);
        Assert.Equal(0, constant.HalfWidth, 12);
        var noisy = summary.Single(s => $"{s.Optimizer}/{s.Schedule}" == Name(2)).DifferenceFromBest!.Value;
        Assert.True(noisy.Low < 0 && noisy.High > 0);
    }

    [Fact]
    public void A_diverging_run_is_recorded_as_diverged_rather_than_thrown()
    {
        var split = LabData.Load("digits");
        var run = LabBenchmark.Train(split, Small, "sgd", "constant", learningRate: 1e4, seed: 1, epochs: 3, stepsPerEpoch: 34);
        Assert.True(run.Diverged);
        Assert.True(double.IsNaN(run.TestAccuracy));
        Assert.True(double.IsNaN(run.ValidationLoss));
    }

    [Theory]
    [InlineData("step")]
    [InlineData("annealed")]
    [InlineData("exponential")]
    [InlineData("linear")]
    public void Every_decaying_lab_schedule_ends_the_run_well_below_the_initial_rate(string name)
    {
        var schedule = LabSchedules.Create(name, 0.1, totalSteps: 1000);
        Assert.Equal(0.1, schedule.At(0, 0.1), 12);
        Assert.InRange(schedule.At(999, 0.1), 0.0099, 0.0126); // the last update of the run
    }

    [Fact]
    public void Bad_settings_name_the_setting()
    {
        Assert.Equal("Optimizers", Assert.Throws<ArgumentException>(() => (Small with { Optimizers = ["adamw"] }).Validate()).ParamName);
        Assert.Equal("Schedules", Assert.Throws<ArgumentException>(() => (Small with { Schedules = ["cosine"] }).Validate()).ParamName);
        Assert.Equal("Epochs", Assert.Throws<ArgumentOutOfRangeException>(() => (Small with { Epochs = 0 }).Validate()).ParamName);
        Assert.Equal("Dataset", Assert.Throws<ArgumentException>(() => (Small with { Dataset = "mnist" }).Validate()).ParamName);
        Assert.Equal("SearchFactors", Assert.Throws<ArgumentException>(() => (Small with { SearchFactors = [1, 0.3] }).Validate()).ParamName);
        Assert.Equal("SearchFactors", Assert.Throws<ArgumentOutOfRangeException>(() => (Small with { SearchFactors = [1e-4] }).Validate()).ParamName);
        Assert.Equal("SearchBound", Assert.Throws<ArgumentOutOfRangeException>(() => (Small with { SearchBound = 0.5 }).Validate()).ParamName);
        Assert.Equal("Seeds", Assert.Throws<ArgumentException>(() => (Small with { Seeds = [1, 1] }).Validate()).ParamName);
        Assert.Equal("TargetLoss", Assert.Throws<ArgumentOutOfRangeException>(() => (Small with { TargetLoss = double.NaN }).Validate()).ParamName);
    }
}
