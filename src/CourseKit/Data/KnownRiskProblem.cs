namespace CourseKit.Data;

/// <summary>
/// A sample from a model we wrote down ourselves, with the true parameters and the true (population)
/// risk of the best predictor, which no finite sample can tell us.
/// </summary>
/// <param name="Data">The sample.</param>
/// <param name="Weights">The true w.</param>
/// <param name="Bias">The true b.</param>
/// <param name="BayesRisk">Expected loss of the true model under the loss one trains with: negative
/// log-likelihood in nats (logistic) or mean squared error (linear).</param>
/// <param name="BayesZeroOneRisk">Error rate of the best possible classifier (logistic; NaN for regression).</param>
/// <param name="NoiseLevel">σ of the linear model's noise (NaN for the logistic model).</param>
public sealed record KnownRiskProblem(Dataset Data, float[] Weights, double Bias, double BayesRisk, double BayesZeroOneRisk, double NoiseLevel)
{
    /// <summary>
    /// The true mean squared error of the linear predictor (w′, b′) on the linear model:
    /// E[(w′ᵀx + b′ − y)²] = ‖w′ − w‖² + (b′ − b)² + σ², since x ~ N(0, I).
    /// </summary>
    public double LinearRisk(ReadOnlySpan<float> weights, double bias)
    {
        if (double.IsNaN(NoiseLevel)) throw new InvalidOperationException("LinearRisk is for the NoisyLinear problem.");
        if (weights.Length != Weights.Length) throw new ArgumentException($"{weights.Length} weights for {Weights.Length} dims.", nameof(weights));
        double sum = (bias - Bias) * (bias - Bias) + NoiseLevel * NoiseLevel;
        for (int j = 0; j < weights.Length; j++) sum += (double)(weights[j] - Weights[j]) * (weights[j] - Weights[j]);
        return sum;
    }

    /// <summary>
    /// The error rate on <paramref name="data"/> of the true model's decision rule, predict 1 when wᵀx + b > 0: the
    /// best possible classifier, measured on a finite sample (so near, not equal to, <see cref="BayesZeroOneRisk"/>).
    /// </summary>
    public double TrueModelErrorRate(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (double.IsNaN(BayesZeroOneRisk)) throw new InvalidOperationException("TrueModelErrorRate is for the NoisyLogistic problem.");
        if (data.Labels is null) throw new ArgumentException("data has no class labels.", nameof(data));
        if (data.Columns != Weights.Length) throw new ArgumentException($"data has {data.Columns} columns for {Weights.Length} dims.", nameof(data));
        int wrong = 0;
        for (int i = 0; i < data.Rows; i++)
        {
            var x = data.Row(i);
            double score = Bias;
            for (int j = 0; j < x.Length; j++) score += (double)Weights[j] * x[j];
            if ((score > 0 ? 1 : 0) != data.Labels[i]) wrong++;
        }

        return (double)wrong / data.Rows;
    }
}
