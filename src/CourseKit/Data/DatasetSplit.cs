namespace CourseKit.Data;

/// <summary>Train, validation and test parts of one dataset, disjoint and together the whole.</summary>
public sealed record DatasetSplit(Dataset Train, Dataset Validation, Dataset Test)
{
    /// <summary>
    /// A seeded split. For a classification set it is stratified: each class is shuffled and cut in the
    /// same proportions, so every part has (up to rounding) the class balance of the whole. A regression
    /// set is shuffled and cut as one.
    /// </summary>
    public static DatasetSplit Create(Dataset data, double validationFraction = 0.2, double testFraction = 0.2, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!(validationFraction >= 0 && testFraction >= 0 && validationFraction + testFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(validationFraction),
                $"validationFraction ({validationFraction}) and testFraction ({testFraction}) must be ≥ 0 and sum to less than 1.");

        var random = new Random(seed);
        List<int> train = [], validation = [], test = [];
        IEnumerable<int[]> groups = data.Labels is { } labels
            ? Enumerable.Range(0, data.ClassCount).Select(c => Enumerable.Range(0, data.Rows).Where(i => labels[i] == c).ToArray())
            : [Enumerable.Range(0, data.Rows).ToArray()];
        foreach (int[] group in groups)
        {
            random.Shuffle(group);
            int nTest = (int)Math.Round(group.Length * testFraction);
            int nValidation = (int)Math.Round(group.Length * validationFraction);
            test.AddRange(group[..nTest]);
            validation.AddRange(group[nTest..(nTest + nValidation)]);
            train.AddRange(group[(nTest + nValidation)..]);
        }
        // Sorted so each part keeps the file's order; shuffling is the sampler's job.
        train.Sort(); validation.Sort(); test.Sort();
        return new DatasetSplit(data.Subset(train), data.Subset(validation), data.Subset(test));
    }

    /// <summary>The same split with every part standardised by statistics of <see cref="Train"/>.</summary>
    public DatasetSplit Standardized()
    {
        var s = Standardizer.Fit(Train);
        return new DatasetSplit(s.Transform(Train), s.Transform(Validation), s.Transform(Test));
    }
}
