namespace CourseKit.Networks;

/// <summary>
/// Moves that change an MLP's weights but not the function it computes, so the loss surface has many
/// equal minima: swapping two hidden units (with their incoming and outgoing weights), and, across a ReLU,
/// scaling a unit's incoming weights and bias by c &gt; 0 and its outgoing weights by 1/c (relu(c·z) = c·relu(z)).
/// </summary>
public static class MlpSymmetry
{
    /// <summary>
    /// Reorders the units of hidden layer <paramref name="hiddenLayer"/> (1 = the first hidden layer): new unit j is old
    /// unit <paramref name="permutation"/>[j]. Moves the unit's column of incoming weights, its bias and its row of
    /// outgoing weights together.
    /// </summary>
    public static void PermuteHiddenUnits(Mlp network, int hiddenLayer, IReadOnlyList<int> permutation)
    {
        var (into, outOf) = Around(network, hiddenLayer);
        ArgumentNullException.ThrowIfNull(permutation);
        int n = into.Outputs;
        if (permutation.Count != n || permutation.Distinct().Count() != n || permutation.Any(p => p < 0 || p >= n))
            throw new ArgumentException($"permutation must list each unit 0..{n - 1} exactly once.", nameof(permutation));

        float[] wIn = into.Weights.ToArray(), bias = into.Bias.ToArray(), wOut = outOf.Weights.ToArray();
        var newIn = into.Weights.Span;
        var newBias = into.Bias.Span;
        var newOut = outOf.Weights.Span;
        for (int j = 0; j < n; j++)
        {
            int old = permutation[j];
            for (int i = 0; i < into.Inputs; i++) newIn[i * n + j] = wIn[i * n + old];   // W is Inputs × Outputs, row-major
            newBias[j] = bias[old];
            for (int k = 0; k < outOf.Outputs; k++) newOut[j * outOf.Outputs + k] = wOut[old * outOf.Outputs + k];
        }
    }

    /// <summary>
    /// Scales unit <paramref name="unit"/> of ReLU hidden layer <paramref name="hiddenLayer"/>: incoming weights and bias
    /// by <paramref name="factor"/>, outgoing weights by 1/<paramref name="factor"/>. Only a ReLU (or identity) layer
    /// is positively homogeneous, so any other activation is refused.
    /// </summary>
    public static void RescaleHiddenUnit(Mlp network, int hiddenLayer, int unit, double factor)
    {
        var (into, outOf) = Around(network, hiddenLayer);
        if (into.Activation is not (Activation.Relu or Activation.Identity))
            throw new ArgumentException($"hidden layer {hiddenLayer} uses {into.Activation}; rescaling preserves the function only across ReLU or identity.", nameof(hiddenLayer));
        ArgumentOutOfRangeException.ThrowIfNegative(unit);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(unit, into.Outputs);
        if (!(factor > 0) || double.IsInfinity(factor))
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "must be a finite number > 0 (a negative factor flips the ReLU).");

        var wIn = into.Weights.Span;
        for (int i = 0; i < into.Inputs; i++) wIn[i * into.Outputs + unit] = (float)(wIn[i * into.Outputs + unit] * factor);
        into.Bias.Span[unit] = (float)(into.Bias.Span[unit] * factor);
        var wOut = outOf.Weights.Span;
        for (int k = 0; k < outOf.Outputs; k++) wOut[unit * outOf.Outputs + k] = (float)(wOut[unit * outOf.Outputs + k] / factor);
    }

    /// <summary>A random ordering of 0..count−1 from <paramref name="seed"/>, for <see cref="PermuteHiddenUnits"/>.</summary>
    public static int[] RandomPermutation(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        int[] p = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(p);
        return p;
    }

    private static (DenseLayer Into, DenseLayer OutOf) Around(Mlp network, int hiddenLayer)
    {
        ArgumentNullException.ThrowIfNull(network);
        int hiddenCount = network.Layers.Count - 1;
        if (hiddenLayer < 1 || hiddenLayer > hiddenCount)
            throw new ArgumentOutOfRangeException(nameof(hiddenLayer), hiddenLayer, $"must be in [1, {hiddenCount}] (the network's hidden layers).");
        return (network.Layers[hiddenLayer - 1], network.Layers[hiddenLayer]);
    }
}
