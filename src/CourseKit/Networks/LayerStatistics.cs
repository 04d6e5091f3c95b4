using CourseKit.Clipping;
using CourseKit.Data;

namespace CourseKit.Networks;

/// <summary>
/// Per-layer signals of an MLP on a batch, to see vanishing and exploding activations and gradients (the
/// initialisation-scale experiment): activations are recomputed from the layers' weights, gradients come from
/// the network's own backward pass.
/// </summary>
public static class LayerStatistics
{
    /// <summary>
    /// Measures every layer on the first <paramref name="rows"/> rows of <paramref name="data"/> (default: up to 256; no dropout).
    /// Leaves those rows loaded and their gradient in <see cref="Mlp.Gradients"/>.
    /// </summary>
    public static IReadOnlyList<LayerStatistic> Measure(Mlp network, Dataset data, int? rows = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        int count = rows ?? Math.Min(256, data.Rows);
        if (count < 1 || count > data.Rows)
            throw new ArgumentOutOfRangeException(nameof(rows), rows, $"must be in [1, {data.Rows}] (the rows of the data).");

        bool training = network.IsTraining;
        network.IsTraining = false;
        try
        {
            network.LoadBatch(data, 0, count);
            network.ComputeLossAndGradient();
        }
        finally
        {
            network.IsTraining = training;
        }

        double[] a = new double[count * data.Columns];
        for (int r = 0; r < count; r++)
        {
            var row = data.Row(r);
            for (int c = 0; c < data.Columns; c++) a[r * data.Columns + c] = row[c];
        }

        var result = new LayerStatistic[network.Layers.Count];
        for (int l = 0; l < network.Layers.Count; l++)
        {
            var layer = network.Layers[l];
            a = Forward(layer, a, count);
            double mean = a.Average();
            double std = Math.Sqrt(a.Sum(v => (v - mean) * (v - mean)) / a.Length);
            double inactive = (double)a.Count(v => v == 0) / a.Length;
            result[l] = new LayerStatistic(l + 1, std, inactive, GradientClipping.Norm<float>(layer.WeightGradients.Span));
        }
        return result;
    }

    /// <summary>
    /// A network with the default initialisation (He for ReLU) and then every weight multiplied by
    /// <paramref name="gain"/>: gain 1 is He itself, below 1 signals shrink layer by layer, above 1 they grow.
    /// </summary>
    public static Mlp WithInitialGain(IReadOnlyList<int> sizes, double gain, int seed)
    {
        if (!(gain > 0) || double.IsInfinity(gain))
            throw new ArgumentOutOfRangeException(nameof(gain), gain, "must be a finite number > 0.");
        var network = new Mlp(sizes, seed: seed);
        foreach (var layer in network.Layers)
        {
            var w = layer.Weights.Span;
            for (int i = 0; i < w.Length; i++) w[i] = (float)(w[i] * gain);
        }
        return network;
    }

    private static double[] Forward(DenseLayer layer, double[] input, int rows)
    {
        int nIn = layer.Inputs, nOut = layer.Outputs;
        var w = layer.Weights.Span;
        var b = layer.Bias.Span;
        var output = new double[rows * nOut];
        for (int r = 0; r < rows; r++)
            for (int j = 0; j < nOut; j++)
            {
                double z = b[j];
                for (int i = 0; i < nIn; i++) z += input[r * nIn + i] * w[i * nOut + j];
                output[r * nOut + j] = layer.Activation switch
                {
                    Activation.Relu => z > 0 ? z : 0,
                    Activation.Tanh => Math.Tanh(z),
                    Activation.Sigmoid => 1 / (1 + Math.Exp(-z)),
                    _ => z,
                };
            }
        return output;
    }
}
