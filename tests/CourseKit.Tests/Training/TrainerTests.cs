using CourseKit.Clipping;
using CourseKit.Networks;
using CourseKit.Optimizers;
using CourseKit.Schedules;
using CourseKit.Tests.Data;
using CourseKit.Training;

namespace CourseKit.Tests.Training;

public class TrainerTests
{
    [Fact]
    public void Mlp_64_64_10_with_Adam_defaults_reaches_96_percent_test_accuracy_on_digits_within_30_epochs()
    {
        var split = DigitsFixture.Split;
        var net = new Mlp([64, 64, 10], Activation.Relu, seed: 1);
        var trainer = new Trainer(net, new Adam<float>(), new TrainerOptions { Epochs = 30, Patience = 5, Seed = 1 });

        var result = trainer.Fit(split.Train, split.Validation);

        Assert.False(result.Diverged);
        Assert.InRange(result.History.Epochs.Count, 2, 31);
        double accuracy = net.Evaluate(split.Test).Accuracy;
        Assert.True(accuracy >= 0.96, $"test accuracy {accuracy:P2}");
    }

    public static TheoryData<string> NineOptimizers => new(OptimizerFactory.Names);

    [Theory, MemberData(nameof(NineOptimizers))]
    public void Every_optimizer_halves_the_digits_training_loss_within_10_epochs_at_its_defaults(string name)
    {
        var split = DigitsFixture.Split;
        var net = new Mlp([64, 64, 10], seed: 2);
        var optimizer = OptimizerFactory.Create<float>(name); // default ε and hyperparameters for every one of the nine
        var trainer = new Trainer(net, optimizer, new TrainerOptions { Epochs = 10, Seed = 2 });

        var result = trainer.Fit(split.Train);

        double start = result.History.Epochs[0].TrainLoss;
        double best = result.History.Epochs.Skip(1).Min(e => e.TrainLoss);
        Assert.False(result.Diverged, result.Divergence?.Message);
        Assert.Equal(11, result.History.Epochs.Count);
        Assert.True(best < start / 2, $"{name}: training loss {start:F3} → {best:F3}");
    }

    [Fact]
    public void A_schedule_from_the_options_shows_in_the_step_history()
    {
        var split = DigitsFixture.Split;
        var trainer = new Trainer(new Mlp([64, 10]), new Sgd<float>(0.1),
            new TrainerOptions { Epochs = 2, Schedule = LearningRateSchedule.Parse("step:0.5:10") });
        var steps = trainer.Fit(split.Train).History.Steps;
        Assert.Equal(0.1, steps[0].LearningRate);
        Assert.Equal(0.05, steps[10].LearningRate, 12);
        Assert.Equal(0.1 * Math.Pow(0.5, steps[^1].Step / 10), steps[^1].LearningRate, 12);
    }

    [Fact]
    public void Same_seed_gives_bit_identical_histories()
    {
        var split = DigitsFixture.Split;
        (List<StepRecord>, List<EpochRecord>, float[]) Run()
        {
            var net = new Mlp([64, 32, 10], seed: 9, dropout: 0.2);
            var trainer = new Trainer(net, new Nesterov<float>(), new TrainerOptions { Epochs = 3, Seed = 9, Patience = 2 });
            var result = trainer.Fit(split.Train, split.Validation);
            return (result.History.Steps, result.History.Epochs, net.Parameters.ToArray());
        }

        var (stepsA, epochsA, thetaA) = Run();
        var (stepsB, epochsB, thetaB) = Run();
        Assert.Equal(stepsA, stepsB); // record structs: every field compared exactly
        Assert.Equal(epochsA.Select(e => e with { Elapsed = default }), epochsB.Select(e => e with { Elapsed = default }));
        Assert.Equal(thetaA, thetaB);
        Assert.Equal(3 * (int)Math.Ceiling(split.Train.Rows / 32.0), stepsA.Count);
    }

    [Fact]
    public void A_different_seed_gives_a_different_history()
    {
        var split = DigitsFixture.Split;
        double FirstEpochLoss(int seed) =>
            new Trainer(new Mlp([64, 16, 10], seed: 1), new Sgd<float>(), new TrainerOptions { Epochs = 1, Seed = seed })
                .Fit(split.Train).History.Epochs[1].TrainLoss;
        Assert.NotEqual(FirstEpochLoss(1), FirstEpochLoss(2));
    }

    [Fact]
    public void Divergence_stops_training_keeps_the_history_and_says_what_to_try()
    {
        var split = DigitsFixture.Split;
        var net = new Mlp([64, 64, 10], seed: 3);
        var optimizer = new Sgd<float>(learningRate: 1e6);
        var trainer = new Trainer(net, optimizer, new TrainerOptions { Epochs = 5 });

        var result = trainer.Fit(split.Train, split.Validation);

        Assert.True(result.Diverged);
        var report = result.Divergence!;
        Assert.Equal(result.History.Steps[^1].Step, report.Step);
        Assert.True(report.Step < 5 * 34, "stopped at once, not after all epochs");
        Assert.False(double.IsFinite(report.Loss) && double.IsFinite(report.GradientNorm));
        Assert.Equal(1e6, report.LearningRate);
        Assert.Contains($"step {report.Step}", report.Message);
        Assert.Contains("sgd", report.Message);
        Assert.Contains("1E+06", report.Message);
        Assert.Contains("smaller learning rate", report.Message);
        Assert.Contains("clipping", report.Message);
        Assert.All(result.History.Steps.SkipLast(1), s => Assert.True(double.IsFinite(s.Loss)));
        Assert.Equal(0, result.History.Epochs[0].Epoch);
        Assert.True(result.RestoredBestWeights); // the last finite weights with the best validation loss
        Assert.All(net.Parameters.ToArray(), v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Divergence_can_throw_with_the_result_attached()
    {
        var split = DigitsFixture.Split;
        var trainer = new Trainer(new Mlp([64, 64, 10], seed: 3), new Momentum<float>(learningRate: 1e6),
            new TrainerOptions { Epochs = 3, ThrowOnDivergence = true });
        var ex = Assert.Throws<TrainingDivergedException>(() => trainer.Fit(split.Train));
        Assert.Equal(ex.Report.Message, ex.Message);
        Assert.NotEmpty(ex.Result.History.Steps);
    }

    [Fact]
    public void Clipping_from_the_options_reaches_the_optimizer()
    {
        var optimizer = new Sgd<float>(learningRate: 1e6);
        _ = new Trainer(new Mlp([64, 10]), optimizer, new TrainerOptions { Clipping = GradientClipping.ByNorm(1e-7) });
        Assert.Equal(GradientClipping.ByNorm(1e-7), optimizer.Clipping);
    }

    [Fact]
    public void Early_stopping_restores_the_best_weights_and_history_feeds_charts()
    {
        var split = DigitsFixture.Split;
        var net = new Mlp([64, 64, 10], seed: 4);
        // A large ε overfits/oscillates quickly, so validation loss stops improving well before 40 epochs.
        var trainer = new Trainer(net, new Adam<float>(learningRate: 0.01), new TrainerOptions { Epochs = 40, Patience = 3, Seed = 4 });
        int stepEvents = 0, epochEvents = 0;
        trainer.StepCompleted += _ => stepEvents++;
        trainer.EpochCompleted += _ => epochEvents++;

        var result = trainer.Fit(split.Train, split.Validation);

        var epochs = result.History.Epochs;
        Assert.True(result.StoppedEarly);
        Assert.Equal(epochs.MinBy(e => e.ValidationLoss).Epoch, result.BestEpoch);
        Assert.Equal(result.BestEpoch + 3, epochs[^1].Epoch);
        Assert.True(result.RestoredBestWeights);
        Assert.Equal(epochs[result.BestEpoch].ValidationLoss, net.Evaluate(split.Validation).Loss, 12);
        Assert.Equal(result.History.Steps.Count, stepEvents);
        Assert.Equal(epochs.Count, epochEvents);
        Assert.All(result.History.Steps, s => Assert.True(s.GradientNorm > 0 && s.LearningRate == 0.01));
        Assert.True(epochs.Zip(epochs.Skip(1)).All(p => p.First.Elapsed <= p.Second.Elapsed));
    }

    [Fact]
    public void Patience_without_validation_is_an_error()
    {
        var trainer = new Trainer(new Mlp([64, 10]), new Adam<float>(), new TrainerOptions { Patience = 2 });
        Assert.Throws<ArgumentException>(() => trainer.Fit(DigitsFixture.Split.Train));
    }
}
