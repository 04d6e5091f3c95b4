using System.Numerics;

namespace CourseKit.Optimizers;

/// <summary>Builds an optimizer from its algorithms.md name, e.g. for the command line and the lab grid.</summary>
public static class OptimizerFactory
{
    /// <summary>The nine names, in the lecture's order.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "rmsprop-nesterov", "adadelta", "adam", "adamax"];

    // Which optional hyperparameters each optimizer has (ε is common to all).
    private static readonly Dictionary<string, string[]> Accepts = new()
    {
        ["sgd"] = [],
        ["momentum"] = ["momentum"],
        ["nesterov"] = ["momentum"],
        ["adagrad"] = ["delta"],
        ["rmsprop"] = ["rho", "delta"],
        ["rmsprop-nesterov"] = ["momentum", "rho", "delta"],
        ["adadelta"] = ["rho", "delta"],
        ["adam"] = ["beta1", "beta2", "delta"],
        ["adamax"] = ["beta1", "beta2", "delta"],
    };

    /// <summary>
    /// Creates <paramref name="name"/> with <paramref name="settings"/>; a setting the optimizer does not
    /// have (say <c>momentum</c> for <c>adam</c>) is an error rather than silently ignored.
    /// </summary>
    public static Optimizer<T> Create<T>(string name, OptimizerSettings? settings = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(name);
        var s = settings ?? new OptimizerSettings();
        string key = name.ToLowerInvariant();
        if (!Accepts.TryGetValue(key, out string[]? accepted))
            throw new ArgumentException($"Unknown optimizer '{name}'. Choose one of: {string.Join(", ", Names)}.", nameof(name));
        foreach (var (setting, value) in new (string, double?)[]
                 { ("momentum", s.Momentum), ("rho", s.Rho), ("beta1", s.Beta1), ("beta2", s.Beta2), ("delta", s.Delta) })
        {
            if (value is not null && !accepted.Contains(setting))
                throw new ArgumentException($"{key} has no '{setting}' hyperparameter (it takes: lr{string.Concat(accepted.Select(a => ", " + a))}).", setting);
        }

        Optimizer<T> optimizer = key switch
        {
            "sgd" => new Sgd<T>(s.LearningRate ?? 0.01),
            "momentum" => new Momentum<T>(s.LearningRate ?? 0.01, s.Momentum ?? 0.9),
            "nesterov" => new Nesterov<T>(s.LearningRate ?? 0.01, s.Momentum ?? 0.9),
            "adagrad" => new AdaGrad<T>(s.LearningRate ?? 0.01, s.Delta ?? 1e-7),
            "rmsprop" => new RmsProp<T>(s.LearningRate ?? 0.001, s.Rho ?? 0.9, s.Delta ?? 1e-6),
            "rmsprop-nesterov" => new RmsPropNesterov<T>(s.LearningRate ?? 0.001, s.Rho ?? 0.9, s.Momentum ?? 0.9, s.Delta ?? 1e-6),
            "adadelta" => new AdaDelta<T>(s.Rho ?? 0.95, s.Delta ?? 1e-6, s.LearningRate ?? 1.0),
            "adam" => new Adam<T>(s.LearningRate ?? 0.001, s.Beta1 ?? 0.9, s.Beta2 ?? 0.999, s.Delta ?? 1e-8),
            _ => new Adamax<T>(s.LearningRate ?? 0.002, s.Beta1 ?? 0.9, s.Beta2 ?? 0.999, s.Delta ?? 1e-8),
        };
        optimizer.Schedule = s.Schedule;
        optimizer.Clipping = s.Clipping;
        return optimizer;
    }

    /// <summary>The default ε of each optimizer (AdaDelta's 1 means "the rule exactly").</summary>
    public static double DefaultLearningRate(string name) => Create<double>(name).LearningRate;
}
