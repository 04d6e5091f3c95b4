namespace CourseKit.Data;

/// <summary>
/// How the error of a minibatch gradient shrinks with the batch size m. The mean of m terms drawn without replacement
/// from N has standard error σ/√m · √((N − m)/(N − 1)): the square-root law, times the finite-population factor that
/// makes the full batch (m = N) exact. Notebook 02 draws it beside the measured error and checks its exercise with it.
/// </summary>
public static class MinibatchNoise
{
    /// <summary>
    /// The standard error of a minibatch mean in units of one example's σ: 1/√m, times √((N − m)/(N − 1)) when a
    /// <paramref name="population"/> N is given (drawing without replacement from N examples).
    /// </summary>
    public static double RelativeError(int batchSize, int? population = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        double error = 1 / Math.Sqrt(batchSize);
        if (population is not int n) return error;
        if (n < 2) throw new ArgumentOutOfRangeException(nameof(population), n, "must be at least 2 examples");
        if (batchSize > n) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"must be at most the population, {n}");
        return error * Math.Sqrt((n - batchSize) / (n - 1.0));
    }

    /// <summary>By what factor the error changes when the batch grows from <paramref name="from"/> to <paramref name="to"/> examples.</summary>
    public static double ErrorRatio(int from, int to, int? population = null) =>
        RelativeError(to, population) / RelativeError(from, population);
}
