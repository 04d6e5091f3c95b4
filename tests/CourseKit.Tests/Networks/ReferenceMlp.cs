using CourseKit.Networks;

namespace CourseKit.Tests.Networks;

/// <summary>
/// An independent, naive, double-precision forward pass of the same network (same parameter layout),
/// written from the formulas rather than from Mlp's code: the "function" the gradient checks
/// differentiate by finite differences.
/// </summary>
internal sealed class ReferenceMlp(int[] sizes, Activation hidden, Activation output, LossFunction loss)
{
    /// <summary>J(θ) on a batch; masks[l] (for hidden layers l = 1..L−1) multiplies Aₗ, or null for no dropout.</summary>
    public double Loss(double[] theta, float[] x, int m, int[]? labels, float[]? targets, float[]?[]? masks = null)
    {
        var a = new double[m * sizes[0]];
        for (int i = 0; i < a.Length; i++) a[i] = x[i];
        int offset = 0;
        int layers = sizes.Length - 1;
        for (int l = 1; l <= layers; l++)
        {
            int nIn = sizes[l - 1], nOut = sizes[l];
            var z = new double[m * nOut];
            for (int i = 0; i < m; i++)
                for (int j = 0; j < nOut; j++)
                {
                    double s = theta[offset + nIn * nOut + j];
                    for (int p = 0; p < nIn; p++) s += a[i * nIn + p] * theta[offset + p * nOut + j];
                    z[i * nOut + j] = F(l == layers ? output : hidden, s);
                    if (l < layers && masks?[l] is { } mask) z[i * nOut + j] *= mask[i * nOut + j];
                }
            offset += nIn * nOut + nOut;
            a = z;
        }
        int k = sizes[^1];
        double total = 0;
        for (int i = 0; i < m; i++)
        {
            if (loss == LossFunction.SoftmaxCrossEntropy)
            {
                double sum = 0;
                for (int j = 0; j < k; j++) sum += Math.Exp(a[i * k + j]);
                total += Math.Log(sum) - a[i * k + labels![i]];
            }
            else
            {
                for (int j = 0; j < k; j++)
                {
                    double t = targets is not null ? targets[i * k + j] : (labels![i] == j ? 1 : 0);
                    total += (a[i * k + j] - t) * (a[i * k + j] - t) / k;
                }
            }
        }
        return total / m;
    }

    private static double F(Activation f, double z) => f switch
    {
        Activation.Relu => Math.Max(0, z),
        Activation.Tanh => Math.Tanh(z),
        Activation.Sigmoid => 1 / (1 + Math.Exp(-z)),
        _ => z,
    };
}
