using CourseKit.Clipping;
using CourseKit.Data;
using CourseKit.Networks;
using CourseKit.Optimizers;
using CourseKit.Schedules;
using CourseKit.Training;

namespace CourseKit.Notebooks;

/// <summary>
/// The notebooks' "now on a real network" cell: the bundled digits, split once, and one small MLP trained by
/// the optimizer the lesson is about. The same seed gives the same weights and minibatch order for every
/// optimizer, so runs side by side differ only in the rule.
/// </summary>
public static class DigitsLesson
{
    private static readonly Lazy<DatasetSplit> Cached = new(() => Digits.LoadSplit());

    /// <summary>The bundled digits, split into train / validation / test (seed 42), loaded once.</summary>
    public static DatasetSplit Split => Cached.Value;

    /// <summary>Trains a 64-<paramref name="hidden"/>-10 MLP on the digits' training set, validating each epoch.</summary>
    public static TrainingResult Train(Optimizer<float> optimizer, int epochs = 5, int batchSize = 32, int hidden = 32, int seed = 1,
        LearningRateSchedule? schedule = null, GradientClipping? clipping = null)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        var options = new TrainerOptions { Epochs = epochs, BatchSize = batchSize, Seed = seed, Schedule = schedule, Clipping = clipping };
        return new Trainer(new Mlp([Split.Train.Columns, hidden, Split.Train.ClassCount], seed: seed), optimizer, options)
            .Fit(Split.Train, Split.Validation);
    }
}
