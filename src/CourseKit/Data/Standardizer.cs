namespace CourseKit.Data;

/// <summary>
/// Standardisation: each feature is shifted and scaled to mean 0 and standard deviation 1, using
/// statistics of the training set only (using the test set's would leak it into training).
/// </summary>
/// <remarks>A constant feature (σ = 0, such as digits' always-blank corner pixel) is only centred.</remarks>
public sealed class Standardizer
{
    private Standardizer(float[] mean, float[] scale) => (Mean, Scale) = (mean, scale);

    /// <summary>Per-feature mean of the data it was fitted on.</summary>
    public float[] Mean { get; }

    /// <summary>Per-feature divisor: the standard deviation, or 1 for a constant feature.</summary>
    public float[] Scale { get; }

    /// <summary>Measures mean and standard deviation of every feature (in double, then stored as float).</summary>
    public static Standardizer Fit(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        int d = data.Columns;
        var sum = new double[d];
        var sumSq = new double[d];
        for (int i = 0; i < data.Rows; i++)
        {
            var row = data.Row(i);
            for (int j = 0; j < d; j++) sum[j] += row[j];
        }
        var mean = new float[d];
        for (int j = 0; j < d; j++) mean[j] = (float)(sum[j] / data.Rows);
        for (int i = 0; i < data.Rows; i++)
        {
            var row = data.Row(i);
            for (int j = 0; j < d; j++) { double c = row[j] - sum[j] / data.Rows; sumSq[j] += c * c; }
        }
        var scale = new float[d];
        for (int j = 0; j < d; j++)
        {
            double sd = Math.Sqrt(sumSq[j] / data.Rows);
            scale[j] = sd > 1e-12 ? (float)sd : 1f;
        }
        return new Standardizer(mean, scale);
    }

    /// <summary>The dataset with (x − mean) / scale applied to every feature.</summary>
    public Dataset Transform(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Columns != Mean.Length)
            throw new ArgumentException($"This standardizer was fitted on {Mean.Length} features; {data.Name} has {data.Columns}.", nameof(data));
        var x = new float[data.Features.Length];
        for (int i = 0; i < data.Rows; i++)
        {
            var src = data.Row(i);
            var dst = x.AsSpan(i * data.Columns, data.Columns);
            for (int j = 0; j < data.Columns; j++) dst[j] = (src[j] - Mean[j]) / Scale[j];
        }
        return data.WithFeatures(x);
    }
}
