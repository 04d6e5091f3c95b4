namespace CourseKit.Data;

/// <summary>
/// Cuts the row indices 0 … N−1 into minibatches, reshuffling them at the start of every epoch.
/// </summary>
/// <remarks>
/// Each epoch visits every row exactly once (without replacement); the last batch is smaller when the
/// batch size does not divide N. The permutation is made in place, so an epoch allocates nothing.
/// </remarks>
public sealed class MinibatchSampler
{
    private readonly int[] _order;
    private readonly Random _random;

    public MinibatchSampler(int rowCount, int batchSize, SamplingOrder order = SamplingOrder.Shuffled, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rowCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        RowCount = rowCount;
        BatchSize = Math.Min(batchSize, rowCount);
        Order = order;
        _order = Enumerable.Range(0, rowCount).ToArray();
        _random = new Random(seed);
    }

    public int RowCount { get; }

    public int BatchSize { get; }

    public SamplingOrder Order { get; }

    /// <summary>Minibatches per epoch: ⌈N / batch size⌉.</summary>
    public int BatchCount => (RowCount + BatchSize - 1) / BatchSize;

    /// <summary>Starts an epoch: a new random permutation (Fisher–Yates), or the dataset's order.</summary>
    public void NextEpoch()
    {
        if (Order == SamplingOrder.Shuffled) _random.Shuffle(_order);
    }

    /// <summary>The row indices of minibatch <paramref name="batch"/> of the current epoch.</summary>
    public ReadOnlySpan<int> Batch(int batch)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)batch, (uint)BatchCount, nameof(batch));
        int start = batch * BatchSize;
        return _order.AsSpan(start, Math.Min(BatchSize, RowCount - start));
    }
}
