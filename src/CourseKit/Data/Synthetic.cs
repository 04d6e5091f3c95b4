namespace CourseKit.Data;

/// <summary>
/// Small seeded datasets to see an optimizer work in two dimensions, and one model whose true risk is
/// known exactly. Same arguments and seed, same dataset.
/// </summary>
public static class Synthetic
{
    /// <summary>
    /// Two interleaved spirals (2 features, 2 classes, n/2 points each): not linearly separable, the
    /// classic test that a hidden layer is doing something.
    /// </summary>
    public static Dataset TwoSpirals(int samples = 400, double noise = 0.1, double turns = 1.5, int seed = 0) =>
        TwoClassesInThePlane("two-spirals", samples, noise, seed, (c, random) =>
        {
            double t = Math.Sqrt(random.NextDouble()) * turns * 2 * Math.PI; // sqrt: even density along the arm
            double angle = t + c * Math.PI;
            return (t * Math.Cos(angle) / (turns * Math.PI), t * Math.Sin(angle) / (turns * Math.PI));
        });

    /// <summary>
    /// Two half circles, one opening up and one down, fitted into each other (2 features, 2 classes).
    /// </summary>
    public static Dataset TwoMoons(int samples = 400, double noise = 0.1, int seed = 0) =>
        TwoClassesInThePlane("two-moons", samples, noise, seed, (c, random) =>
        {
            double t = random.NextDouble() * Math.PI;
            return c == 0 ? (Math.Cos(t), Math.Sin(t)) : (1 - Math.Cos(t), 0.5 - Math.Sin(t));
        });

    // Examples alternate between the two classes; each is a point on its class's curve plus Gaussian
    // noise (the curve draws first, then the noise: the draw order is part of the seed's contract).
    private static Dataset TwoClassesInThePlane(string name, int samples, double noise, int seed, Func<int, Random, (double X, double Y)> curve)
    {
        Check(samples, 2, noise);
        var random = new Random(seed);
        var x = new float[samples * 2];
        var y = new int[samples];
        for (int i = 0; i < samples; i++)
        {
            int c = i % 2;
            var (px, py) = curve(c, random);
            x[2 * i] = (float)(px + noise * Gaussian(random));
            x[2 * i + 1] = (float)(py + noise * Gaussian(random));
            y[i] = c;
        }

        return new Dataset(name, x, samples, 2, y, 2);
    }

    /// <summary>
    /// <paramref name="classes"/> isotropic Gaussian clouds with standard deviation <paramref name="spread"/>,
    /// centres drawn uniformly from [−<paramref name="centerBox"/>, <paramref name="centerBox"/>]^dims; examples alternate between classes.
    /// </summary>
    public static Dataset GaussianBlobs(int samples = 400, int classes = 3, int dims = 2, double spread = 1.0, double centerBox = 5.0, int seed = 0)
    {
        Check(samples, classes, spread);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dims);
        var random = new Random(seed);
        var centers = new double[classes * dims];
        for (int i = 0; i < centers.Length; i++) centers[i] = (2 * random.NextDouble() - 1) * centerBox;
        var x = new float[samples * dims];
        var y = new int[samples];
        for (int i = 0; i < samples; i++)
        {
            int c = i % classes;
            for (int j = 0; j < dims; j++) x[i * dims + j] = (float)(centers[c * dims + j] + spread * Gaussian(random));
            y[i] = c;
        }
        return new Dataset("gaussian-blobs", x, samples, dims, y, classes);
    }

    /// <summary>
    /// Logistic model: x ~ N(0, I), P(y = 1 | x) = σ(wᵀx + b). Because the model is known, so is the best
    /// achievable risk: <see cref="KnownRiskProblem.BayesRisk"/> is the expected negative log-likelihood of
    /// the true model (the surrogate loss a network is trained on) and
    /// <see cref="KnownRiskProblem.BayesZeroOneRisk"/> the error rate of the best classifier, so an ERM
    /// notebook can put the empirical risk next to the true one.
    /// </summary>
    /// <remarks>w is drawn from the seed and scaled to length <c>signal</c> unless <c>weights</c> is given.</remarks>
    public static KnownRiskProblem NoisyLogistic(int samples = 1000, int dims = 2, double signal = 3.0, double bias = 0.0,
        float[]? weights = null, int seed = 0)
    {
        var random = new Random(seed);
        double[] w = Weights(weights, dims, signal, random);
        var x = new float[samples * dims];
        var y = new int[samples];
        for (int i = 0; i < samples; i++)
        {
            double s = DrawRow(random, w, bias, x.AsSpan(i * dims, dims));
            y[i] = random.NextDouble() < Sigmoid(s) ? 1 : 0;
        }
        // s = wᵀx + b ~ N(b, ‖w‖²): both risks are one-dimensional expectations over s.
        double norm = Math.Sqrt(w.Sum(v => v * v));
        double bayesNll = ExpectOverNormal(bias, norm, s => BinaryEntropy(Sigmoid(s)));
        double bayes01 = ExpectOverNormal(bias, norm, s => Math.Min(Sigmoid(s), 1 - Sigmoid(s)));
        var data = new Dataset("noisy-logistic", x, samples, dims, y, 2);
        return new KnownRiskProblem(data, w.Select(v => (float)v).ToArray(), bias, bayesNll, bayes01, NoiseLevel: double.NaN);
    }

    /// <summary>
    /// Linear model with Gaussian noise: x ~ N(0, I), y = wᵀx + b + σ·z with z ~ N(0, 1). The true model's
    /// mean squared error is σ², and any other (w′, b′) has true risk ‖w′−w‖² + (b′−b)² + σ²
    /// (<see cref="KnownRiskProblem.LinearRisk"/>).
    /// </summary>
    public static KnownRiskProblem NoisyLinear(int samples = 1000, int dims = 2, double noise = 0.5, double signal = 1.0, double bias = 0.0,
        float[]? weights = null, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(noise);
        var random = new Random(seed);
        double[] w = Weights(weights, dims, signal, random);
        var x = new float[samples * dims];
        var t = new float[samples];
        for (int i = 0; i < samples; i++) t[i] = (float)(DrawRow(random, w, bias, x.AsSpan(i * dims, dims)) + noise * Gaussian(random));
        var data = new Dataset("noisy-linear", x, samples, dims, targets: t, targetColumns: 1);
        return new KnownRiskProblem(data, w.Select(v => (float)v).ToArray(), bias, noise * noise, double.NaN, noise);
    }

    /// <summary>A standard normal draw (Box–Muller), from the caller's seeded generator.</summary>
    internal static double Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble(); // (0, 1]: log(0) would be −∞
        double u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static double Sigmoid(double s) => 1 / (1 + Math.Exp(-s));

    private static double BinaryEntropy(double p) =>
        (p <= 0 || p >= 1) ? 0 : -(p * Math.Log(p) + (1 - p) * Math.Log(1 - p));

    // E[f(s)] for s ~ N(mean, sd²), by Simpson's rule over ±10 standard deviations.
    private static double ExpectOverNormal(double mean, double sd, Func<double, double> f)
    {
        if (sd == 0) return f(mean);
        const int n = 4000;
        const double a = -10, b = 10, h = (b - a) / n;
        double sum = 0;
        for (int i = 0; i <= n; i++)
        {
            double z = a + i * h;
            double weight = i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2;
            sum += weight * f(mean + sd * z) * Math.Exp(-z * z / 2);
        }
        return sum * h / 3 / Math.Sqrt(2 * Math.PI);
    }

    // One x ~ N(0, I) into row, and its score s = wᵀx + b (the draw order is part of the seed's contract).
    private static double DrawRow(Random random, double[] w, double bias, Span<float> row)
    {
        double s = bias;
        for (int j = 0; j < row.Length; j++)
        {
            double v = Gaussian(random);
            row[j] = (float)v;
            s += w[j] * v;
        }

        return s;
    }

    private static double[] Weights(float[]? weights, int dims, double signal, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dims);
        if (weights is not null)
        {
            if (weights.Length != dims) throw new ArgumentException($"weights has {weights.Length} values for {dims} dims.", nameof(weights));
            return weights.Select(v => (double)v).ToArray();
        }
        ArgumentOutOfRangeException.ThrowIfNegative(signal);
        var w = new double[dims];
        for (int j = 0; j < dims; j++) w[j] = Gaussian(random);
        double norm = Math.Sqrt(w.Sum(v => v * v));
        return w.Select(v => v / norm * signal).ToArray();
    }

    private static void Check(int samples, int classes, double noise)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, classes);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(noise);
    }
}
