using System.Diagnostics;
using System.Globalization;
using CourseKit.Data;
using CourseKit.Networks;
using CourseKit.Optimizers;

namespace CourseKit.Training;

/// <summary>
/// Minibatch training of an <see cref="Mlp"/> with any of the nine optimizers: the loop of the lecture's
/// algorithms, plus a history, early stopping and a clear stop when the loss diverges.
/// </summary>
/// <example>
/// <code>
/// var net = new Mlp([64, 64, 10], seed: 1);
/// var trainer = new Trainer(net, new Adam&lt;float&gt;(), new TrainerOptions { Epochs = 30, Patience = 5 });
/// TrainingResult result = trainer.Fit(split.Train, split.Validation);
/// </code>
/// </example>
public sealed class Trainer
{
    private readonly Mlp _net;
    private readonly Optimizer<float> _optimizer;

    public Trainer(Mlp network, Optimizer<float> optimizer, TrainerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(optimizer);
        _net = network;
        _optimizer = optimizer;
        Options = options ?? new TrainerOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(Options.Epochs, "Epochs");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Options.BatchSize, "BatchSize");
        if (Options.Patience is < 1) throw new ArgumentOutOfRangeException("Patience", Options.Patience, "Patience must be at least 1 epoch.");
        if (Options.Schedule is not null) optimizer.Schedule = Options.Schedule;
        if (Options.Clipping is not null) optimizer.Clipping = Options.Clipping;
    }

    public TrainerOptions Options { get; }

    public Mlp Network => _net;

    public Optimizer<float> Optimizer => _optimizer;

    /// <summary>Raised after every step (a struct argument: subscribing costs no allocation per step).</summary>
    public event Action<StepRecord>? StepCompleted;

    /// <summary>Raised after every epoch, including epoch 0 (the untrained network) — for live charts and progress bars.</summary>
    public event Action<EpochRecord>? EpochCompleted;

    /// <summary>
    /// Trains on <paramref name="train"/> for <see cref="TrainerOptions.Epochs"/> epochs, measuring
    /// <paramref name="validation"/> after each. Stops early when the validation loss has not improved
    /// for <see cref="TrainerOptions.Patience"/> epochs, and at once when a loss or gradient is not finite.
    /// </summary>
    public TrainingResult Fit(Dataset train, Dataset? validation = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (Options.Patience is not null && validation is null)
            throw new ArgumentException("Early stopping (Patience) watches the validation loss: pass a validation set.", nameof(validation));

        var sampler = new MinibatchSampler(train.Rows, Options.BatchSize, Options.Order, Options.Seed);
        var history = new TrainingHistory(Options.Epochs * sampler.BatchCount);
        var clock = Stopwatch.StartNew();
        float[] best = _net.Parameters.ToArray();
        double bestLoss = double.PositiveInfinity;
        int bestEpoch = -1, epochsWithoutImprovement = 0, step = 0;
        DivergenceReport? divergence = null;
        bool stoppedEarly = false;

        RecordEpoch(0);
        for (int epoch = 1; epoch <= Options.Epochs && divergence is null && !stoppedEarly; epoch++)
        {
            sampler.NextEpoch();
            _net.IsTraining = true;
            for (int b = 0; b < sampler.BatchCount; b++, step++)
            {
                // The lecture's loop: sample a minibatch, compute ĝ, apply the update.
                _net.LoadBatch(train, sampler.Batch(b));
                float loss = _optimizer.Step(_net.Parameters, _net.Gradients, _net.LossAndGradient);

                var record = new StepRecord(step, epoch, loss, _optimizer.LastLearningRate, _optimizer.LastGradientNorm);
                history.Steps.Add(record);
                StepCompleted?.Invoke(record);
                if (!float.IsFinite(loss) || (_optimizer.MeasureGradientNorm && !double.IsFinite(record.GradientNorm)))
                {
                    divergence = Diagnose(record);
                    break;
                }
            }
            if (divergence is null) RecordEpoch(epoch);
        }

        bool restored = false;
        // Also after a divergence: the best weights are finite, the current ones are not.
        if (validation is not null && Options.RestoreBestWeights && bestEpoch >= 0)
        {
            best.CopyTo(_net.Parameters);
            restored = true;
        }
        var result = new TrainingResult(history, divergence, stoppedEarly, bestEpoch, restored);
        if (divergence is not null && Options.ThrowOnDivergence) throw new TrainingDivergedException(result);
        return result;

        void RecordEpoch(int epoch)
        {
            var t = Options.EvaluateTrainingSet ? _net.Evaluate(train) : new Evaluation(double.NaN, double.NaN);
            var v = validation is null ? new Evaluation(double.NaN, double.NaN) : _net.Evaluate(validation);
            var record = new EpochRecord(epoch, t.Loss, t.Accuracy, v.Loss, v.Accuracy, clock.Elapsed);
            history.Epochs.Add(record);
            EpochCompleted?.Invoke(record);
            if (validation is null) return;
            if (v.Loss < bestLoss)
            {
                (bestLoss, bestEpoch, epochsWithoutImprovement) = (v.Loss, epoch, 0);
                _net.Parameters.CopyTo(best);
            }
            else if (++epochsWithoutImprovement >= Options.Patience && epoch < Options.Epochs)
            {
                stoppedEarly = true;
            }
        }
    }

    private DivergenceReport Diagnose(StepRecord s)
    {
        string F(double x) => x.ToString("G3", CultureInfo.InvariantCulture);
        string what = float.IsFinite((float)s.Loss)
            ? $"the gradient norm ‖ĝ‖ became {F(s.GradientNorm)} (loss {F(s.Loss)})"
            : $"the loss became {F(s.Loss)}";
        string message =
            $"Training diverged at step {s.Step} (epoch {s.Epoch}): {what}. " +
            $"Optimizer {_optimizer.Name} with learning rate ε_k = {F(s.LearningRate)} ({_optimizer}). " +
            $"Try a smaller learning rate (e.g. ε = {F(s.LearningRate / 10)}), clipping the gradient by norm " +
            "(GradientClipping.ByNorm(1), --clip norm:1), or a schedule that decays ε. The history up to this step is kept.";
        return new DivergenceReport(s.Step, s.Epoch, _optimizer.ToString(), s.LearningRate, s.Loss, s.GradientNorm, message);
    }
}
