namespace CourseKit.Data;

/// <summary>
/// A table of examples: <see cref="Features"/> row-major (<see cref="Rows"/> × <see cref="Columns"/>),
/// with class <see cref="Labels"/> for classification and/or real-valued <see cref="Targets"/> for regression.
/// </summary>
/// <remarks>
/// Plain arrays on purpose: a minibatch is a list of row indices, and copying a row is one span copy.
/// Datasets are treated as immutable; transformations return new ones.
/// </remarks>
public sealed class Dataset
{
    /// <summary>Creates a dataset; checks that the arrays agree with the shape.</summary>
    public Dataset(string name, float[] features, int rows, int columns, int[]? labels = null, int classCount = 0,
        float[]? targets = null, int targetColumns = 0, IReadOnlyList<string>? featureNames = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        if (features.Length != (long)rows * columns)
            throw new ArgumentException($"features has {features.Length} values; {rows} rows × {columns} columns need {(long)rows * columns}.", nameof(features));
        if (labels is null && targets is null)
            throw new ArgumentException("A dataset needs labels (classification) or targets (regression).", nameof(labels));
        if (labels is not null)
        {
            if (labels.Length != rows) throw new ArgumentException($"labels has {labels.Length} values for {rows} rows.", nameof(labels));
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
            foreach (int y in labels)
                if ((uint)y >= (uint)classCount)
                    throw new ArgumentOutOfRangeException(nameof(labels), y, $"Labels must be in [0, {classCount - 1}].");
        }
        if (targets is not null)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetColumns);
            if (targets.Length != (long)rows * targetColumns)
                throw new ArgumentException($"targets has {targets.Length} values; {rows} rows × {targetColumns} need {(long)rows * targetColumns}.", nameof(targets));
        }
        if (featureNames is not null && featureNames.Count != columns)
            throw new ArgumentException($"{featureNames.Count} feature names for {columns} columns.", nameof(featureNames));

        Name = name;
        Features = features;
        Rows = rows;
        Columns = columns;
        Labels = labels;
        ClassCount = labels is null ? 0 : classCount;
        Targets = targets;
        TargetColumns = targets is null ? 0 : targetColumns;
        FeatureNames = featureNames ?? Enumerable.Range(0, columns).Select(j => $"x{j}").ToArray();
    }

    /// <summary>Where the data came from, e.g. <c>digits</c> or <c>two-spirals</c>.</summary>
    public string Name { get; }

    /// <summary>All feature values, row after row.</summary>
    public float[] Features { get; }

    public int Rows { get; }

    /// <summary>Features per example.</summary>
    public int Columns { get; }

    /// <summary>The class of each example (0 … ClassCount−1), or null for a regression set.</summary>
    public int[]? Labels { get; }

    /// <summary>The number of classes (0 for a regression set).</summary>
    public int ClassCount { get; }

    /// <summary>Real-valued targets, row-major (Rows × TargetColumns), or null for a classification set.</summary>
    public float[]? Targets { get; }

    public int TargetColumns { get; }

    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Whether examples carry class labels.</summary>
    public bool IsClassification => Labels is not null;

    /// <summary>The features of example <paramref name="row"/>.</summary>
    public ReadOnlySpan<float> Row(int row)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)row, (uint)Rows, nameof(row));
        return Features.AsSpan(row * Columns, Columns);
    }

    /// <summary>The targets of example <paramref name="row"/> (empty for a classification set).</summary>
    public ReadOnlySpan<float> TargetRow(int row) =>
        Targets is null ? default : Targets.AsSpan(row * TargetColumns, TargetColumns);

    /// <summary>A new dataset of the given rows, in the given order.</summary>
    public Dataset Subset(IReadOnlyList<int> rows, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var x = new float[rows.Count * Columns];
        int[]? y = Labels is null ? null : new int[rows.Count];
        float[]? t = Targets is null ? null : new float[rows.Count * TargetColumns];
        for (int i = 0; i < rows.Count; i++)
        {
            Row(rows[i]).CopyTo(x.AsSpan(i * Columns));
            if (y is not null) y[i] = Labels![rows[i]];
            if (t is not null) TargetRow(rows[i]).CopyTo(t.AsSpan(i * TargetColumns));
        }
        return new Dataset(name ?? Name, x, rows.Count, Columns, y, ClassCount, t, TargetColumns, FeatureNames);
    }

    /// <summary>The same examples with new features (e.g. standardised), labels and targets shared.</summary>
    public Dataset WithFeatures(float[] features) =>
        new(Name, features, Rows, Columns, Labels, ClassCount, Targets, TargetColumns, FeatureNames);

    /// <summary>
    /// The examples sorted by label (stable): all 0s, then all 1s, … With <see cref="SamplingOrder.Ordered"/>
    /// this is the worst case the lecture warns about — every minibatch holds a single class.
    /// </summary>
    public Dataset SortedByLabel()
    {
        if (Labels is null) throw new InvalidOperationException($"{Name} has no labels to sort by.");
        int[] labels = Labels;
        return Subset(Enumerable.Range(0, Rows).OrderBy(i => labels[i]).ToArray());
    }

    /// <summary>How many examples each class has.</summary>
    public int[] ClassCounts()
    {
        var counts = new int[ClassCount];
        if (Labels is not null) foreach (int y in Labels) counts[y]++;
        return counts;
    }

    public override string ToString() =>
        $"{Name}: {Rows} × {Columns}" + (IsClassification ? $", {ClassCount} classes" : $", {TargetColumns} targets");
}
