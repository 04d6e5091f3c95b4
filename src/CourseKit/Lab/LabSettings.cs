using CourseKit.Optimizers;

namespace CourseKit.Lab;

/// <summary>
/// The benchmark grid: which optimizers, schedules and seeds, on which data, for how long. The
/// defaults are the lecture's lab on the bundled digits: all nine optimizers, a constant rate plus
/// the four schedules, three seeds.
/// </summary>
public sealed record LabSettings
{
    /// <summary><c>digits</c> (bundled), <c>fashion-mnist</c> (see <see cref="CourseKit.Data.FashionMnist"/>), <c>spirals</c>, <c>moons</c> or <c>blobs</c>.</summary>
    public string Dataset { get; init; } = "digits";

    /// <summary>Where Fashion-MNIST's files are (null: the standard places); unused by the other datasets.</summary>
    public string? DataDir { get; init; }

    /// <summary>Fashion-MNIST's training images to use (null: all 60,000); a sixth of them validate.</summary>
    public int? Images { get; init; }

    public IReadOnlyList<string> Optimizers { get; init; } = OptimizerFactory.Names;

    /// <summary>Names from <see cref="LabSchedules.Names"/>: constant, step, annealed, exponential, linear.</summary>
    public IReadOnlyList<string> Schedules { get; init; } = LabSchedules.Names;

    public IReadOnlyList<int> Seeds { get; init; } = [1, 2, 3];

    public int Epochs { get; init; } = 20;

    public int BatchSize { get; init; } = 32;

    /// <summary>Hidden layer widths of the MLP (ReLU); input and output sizes come from the data.</summary>
    public IReadOnlyList<int> Hidden { get; init; } = [64];

    /// <summary>
    /// "Steps to target" counts the optimizer steps until the first epoch whose validation loss is at most this
    /// (validation is measured once an epoch, so the count is a multiple of the steps per epoch).
    /// </summary>
    public double TargetLoss { get; init; } = 0.15;

    /// <summary>
    /// The learning-rate search: each optimizer tries its default ε times each factor (ascending, a log grid),
    /// with a constant rate, and keeps the one with the lowest validation loss. While the best sits at an edge
    /// of the grid, the grid grows by one step past that edge, up to <see cref="SearchBound"/>. An empty list
    /// skips the search.
    /// </summary>
    public IReadOnlyList<double> SearchFactors { get; init; } = [0.1, Math.Sqrt(0.1), 1, Math.Sqrt(10), 10];

    /// <summary>The search never goes beyond the default ε × or ÷ this factor; a winner left there is flagged.</summary>
    public double SearchBound { get; init; } = 1000;

    /// <summary>Level of the confidence intervals over seeds (two-sided t-intervals).</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    public int SearchEpochs { get; init; } = 5;

    /// <summary>Runs in parallel (each run is single-threaded and deterministic).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Seed of the train/validation/test split and of the search runs.</summary>
    public int DataSeed { get; init; } = 0;

    /// <summary>Checks every setting, naming the bad one; called by <see cref="LabBenchmark.Run"/>.</summary>
    public void Validate()
    {
        if (Optimizers.Count == 0) throw new ArgumentException("Choose at least one optimizer.", nameof(Optimizers));
        foreach (string o in Optimizers)
            if (!OptimizerFactory.Names.Contains(o))
                throw new ArgumentException($"Unknown optimizer '{o}'. Choose from: {string.Join(", ", OptimizerFactory.Names)}.", nameof(Optimizers));
        if (Schedules.Count == 0) throw new ArgumentException("Choose at least one schedule.", nameof(Schedules));
        foreach (string s in Schedules)
            if (!LabSchedules.Names.Contains(s))
                throw new ArgumentException($"Unknown schedule '{s}'. Choose from: {string.Join(", ", LabSchedules.Names)}.", nameof(Schedules));
        if (!LabData.Names.Contains(Dataset))
            throw new ArgumentException($"Unknown dataset '{Dataset}'. Choose from: {string.Join(", ", LabData.Names)}.", nameof(Dataset));
        if (Images is { } images && (images < 60 || images > LabData.FashionMnistImages))
            throw new ArgumentOutOfRangeException(nameof(Images), images, $"must be in [60, {LabData.FashionMnistImages}] (Fashion-MNIST's training images)");
        if (Seeds.Count == 0) throw new ArgumentException("Give at least one seed.", nameof(Seeds));
        Hyperparameter.AtLeastOne(Epochs, nameof(Epochs));
        Hyperparameter.AtLeastOne(BatchSize, nameof(BatchSize));
        Hyperparameter.AtLeastOne(SearchEpochs, nameof(SearchEpochs));
        Hyperparameter.AtLeastOne(Threads, nameof(Threads));
        foreach (int h in Hidden) Hyperparameter.AtLeastOne(h, nameof(Hidden));
        if (Seeds.Distinct().Count() != Seeds.Count) throw new ArgumentException("Give each seed once (seeds pair the runs).", nameof(Seeds));
        if (!(SearchBound >= 1) || double.IsInfinity(SearchBound))
            throw new ArgumentOutOfRangeException(nameof(SearchBound), SearchBound, $"SearchBound must be a finite factor >= 1; got {SearchBound}.");
        for (int i = 0; i < SearchFactors.Count; i++)
        {
            double f = SearchFactors[i];
            if (!(f >= 1 / SearchBound && f <= SearchBound))
                throw new ArgumentOutOfRangeException(nameof(SearchFactors), f, $"Search factors must lie in [1/SearchBound, SearchBound] = [{1 / SearchBound}, {SearchBound}]; got {f}.");
            if (i > 0 && !(f > SearchFactors[i - 1]))
                throw new ArgumentException($"Search factors must be strictly ascending; {f} follows {SearchFactors[i - 1]}.", nameof(SearchFactors));
        }

        if (!(TargetLoss > 0) || double.IsInfinity(TargetLoss))
            throw new ArgumentOutOfRangeException(nameof(TargetLoss), TargetLoss, $"TargetLoss must be a finite loss > 0; got {TargetLoss}.");
        if (ConfidenceLevel is not (> 0 and < 1))
            throw new ArgumentOutOfRangeException(nameof(ConfidenceLevel), ConfidenceLevel, $"ConfidenceLevel must be in (0, 1); got {ConfidenceLevel}.");
    }
}
