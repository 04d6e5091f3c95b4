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

    [Fact]
    public void The_grid_has_a_run_per_optimizer_schedule_and_seed_and_a_trial_per_search_factor()
    {
        var results = LabBenchmark.Run(Small);
        Assert.Equal(2 * 2 * 2, results.Runs.Count);
        Assert.Equal(2 * 3, results.Trials.Count);
        Assert.All(results.Runs, r => Assert.Equal(4, r.History.Epochs.Count)); // epoch 0 plus three
        Assert.All(results.Runs, r => Assert.InRange(r.TestAccuracy, 0.5, 1.0));
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
        var results = LabBenchmark.Run(Small);
        foreach (var group in results.Trials.GroupBy(t => t.Optimizer))
        {
            var chosen = Assert.Single(group, t => t.Chosen);
            Assert.Equal(group.Min(t => t.ValidationLoss), chosen.ValidationLoss);
            Assert.All(results.Runs.Where(r => r.Optimizer == group.Key), r => Assert.Equal(chosen.LearningRate, r.LearningRate));
        }
    }

    [Fact]
    public void Same_settings_give_the_same_numbers_on_one_thread_or_two()
    {
        static double[] Numbers(LabResults r) => r.Runs.SelectMany(x => new[] { x.FinalTrainLoss, x.ValidationAccuracy, x.TestAccuracy, x.LearningRate }).ToArray();
        var one = LabBenchmark.Run(Small with { Threads = 1 });
        var two = LabBenchmark.Run(Small with { Threads = 2 });
        Assert.Equal(Numbers(one), Numbers(two));
    }

    [Fact]
    public void The_summary_is_ranked_by_mean_test_accuracy_and_the_tables_have_every_row()
    {
        var results = LabBenchmark.Run(Small with { SearchFactors = [] });
        var summary = results.Summary();
        Assert.Equal(4, summary.Count);
        Assert.Equal(Enumerable.Range(1, 4), summary.Select(s => s.Rank));
        Assert.True(summary.Zip(summary.Skip(1)).All(p => p.First.MeanTestAccuracy >= p.Second.MeanTestAccuracy));
        Assert.Equal(8, results.ToFrame().RowCount);
        Assert.Equal(4, results.SummaryFrame().RowCount);
        string[] csv = results.ToCsv().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("optimizer,schedule,learning_rate,seed,", csv[0]);
        Assert.Equal(9, csv.Length);
    }

    [Fact]
    public void A_diverging_run_is_recorded_as_diverged_rather_than_thrown()
    {
        var split = LabData.Load("digits");
        var run = LabBenchmark.Train(split, Small, "sgd", "constant", learningRate: 1e4, seed: 1, epochs: 3, stepsPerEpoch: 34);
        Assert.True(run.Diverged);
        Assert.True(double.IsNaN(run.TestAccuracy));
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
    }
}
