using CourseKit.Optimizers;

namespace CourseKit.Tests.Optimizers;

/// <summary>
/// algorithms.md transcribed line by line into plain scalar loops over doubles: the independent
/// "hand computation" the optimizer tests compare the library against. It shares no code with the
/// library (no SIMD, no schedules or clipping types, no defaults: every hyperparameter is explicit).
/// </summary>
internal sealed class ScalarReference
{
    private readonly string _name;
    private readonly double _eps, _alpha, _rho, _rho1, _rho2, _delta;
    private double[] _v = [], _r = [], _s = [], _u = [];
    private long _t;

    public ScalarReference(string name, OptimizerSettings settings)
    {
        _name = name;
        // AdaDelta has no ε in algorithms.md; the library's optional ε scales the applied step like
        // PyTorch's lr, and ε = 1 is the rule exactly (multiplying by 1.0 is exact).
        _eps = name == "adadelta" ? settings.LearningRate ?? 1.0 : Require(settings.LearningRate, "lr");
        if (name is "momentum" or "nesterov" or "rmsprop-nesterov") _alpha = Require(settings.Momentum, "momentum");
        if (name is "rmsprop" or "rmsprop-nesterov" or "adadelta") _rho = Require(settings.Rho, "rho");
        if (name is "adam" or "adamax") (_rho1, _rho2) = (Require(settings.Beta1, "beta1"), Require(settings.Beta2, "beta2"));
        if (name is not ("sgd" or "momentum" or "nesterov")) _delta = Require(settings.Delta, "delta");
    }

    /// <summary>ε_k from k and ε₀; constant unless a test sets it.</summary>
    public Func<long, double, double> LearningRateAt { get; init; } = (_, eps0) => eps0;

    /// <summary>Clip by value V (NaN: off).</summary>
    public double ClipValue { get; init; } = double.NaN;

    /// <summary>Clip by norm V (NaN: off).</summary>
    public double ClipNorm { get; init; } = double.NaN;

    /// <summary>k, the number of updates done.</summary>
    public long K { get; private set; }

    /// <summary>Where the last gradient was evaluated (θ̃ for the Nesterov variants).</summary>
    public double[] LastPoint { get; private set; } = [];

    /// <summary>ε_k used by the last update.</summary>
    public double LastEps { get; private set; } = double.NaN;

    public double[] V => _v;
    public double[] R => _r;

    public void Step(double[] θ, Func<double[], double[]> gradientAt)
    {
        int n = θ.Length;
        if (_v.Length != n) (_v, _r, _s, _u) = (new double[n], new double[n], new double[n], new double[n]);
        double ε = LearningRateAt(K, _eps);

        var point = (double[])θ.Clone();
        if (_name is "nesterov" or "rmsprop-nesterov")
            for (int i = 0; i < n; i++) point[i] = θ[i] + _alpha * _v[i];
        LastPoint = point;
        double[] g = (double[])gradientAt(point).Clone();

        if (!double.IsNaN(ClipValue))
            for (int i = 0; i < n; i++) g[i] = Math.Min(Math.Max(g[i], -ClipValue), ClipValue);
        if (!double.IsNaN(ClipNorm))
        {
            double sumSquares = 0;
            for (int i = 0; i < n; i++) sumSquares += g[i] * g[i];
            double norm = Math.Sqrt(sumSquares);
            if (norm > ClipNorm)
                for (int i = 0; i < n; i++) g[i] = g[i] * ClipNorm / norm;
        }

        if (_name is "adam" or "adamax") _t++;
        for (int i = 0; i < n; i++)
        {
            switch (_name)
            {
                case "sgd":
                    θ[i] = θ[i] - ε * g[i];
                    break;
                case "momentum":
                case "nesterov":
                    _v[i] = _alpha * _v[i] - ε * g[i];
                    θ[i] = θ[i] + _v[i];
                    break;
                case "adagrad":
                    _r[i] = _r[i] + g[i] * g[i];
                    θ[i] = θ[i] - ε / (_delta + Math.Sqrt(_r[i])) * g[i];
                    break;
                case "rmsprop":
                    _r[i] = _rho * _r[i] + (1 - _rho) * g[i] * g[i];
                    θ[i] = θ[i] - ε / Math.Sqrt(_delta + _r[i]) * g[i];
                    break;
                case "rmsprop-nesterov":
                    _r[i] = _rho * _r[i] + (1 - _rho) * g[i] * g[i];
                    _v[i] = _alpha * _v[i] - ε / Math.Sqrt(_delta + _r[i]) * g[i];
                    θ[i] = θ[i] + _v[i];
                    break;
                case "adadelta":
                    _r[i] = _rho * _r[i] + (1 - _rho) * g[i] * g[i];
                    double Δθ = -Math.Sqrt(_u[i] + _delta) / Math.Sqrt(_r[i] + _delta) * g[i];
                    _u[i] = _rho * _u[i] + (1 - _rho) * Δθ * Δθ;
                    θ[i] = θ[i] + ε * Δθ;
                    break;
                case "adam":
                    _s[i] = _rho1 * _s[i] + (1 - _rho1) * g[i];
                    _r[i] = _rho2 * _r[i] + (1 - _rho2) * g[i] * g[i];
                    double ŝ = _s[i] / (1 - Math.Pow(_rho1, _t));
                    double r̂ = _r[i] / (1 - Math.Pow(_rho2, _t));
                    θ[i] = θ[i] - ε * ŝ / (Math.Sqrt(r̂) + _delta);
                    break;
                case "adamax":
                    _s[i] = _rho1 * _s[i] + (1 - _rho1) * g[i];
                    _u[i] = Math.Max(_rho2 * _u[i], Math.Abs(g[i]));
                    θ[i] = θ[i] - ε / (1 - Math.Pow(_rho1, _t)) * _s[i] / (_u[i] + _delta);
                    break;
                default:
                    throw new ArgumentException($"No reference for '{_name}'.");
            }
        }

        LastEps = ε;
        K++;
    }

    private static double Require(double? value, string name) =>
        value ?? throw new ArgumentException($"The reference needs an explicit {name}.");
}
