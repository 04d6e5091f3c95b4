using System.Globalization;

namespace CourseKit.Surfaces;

/// <summary>The surfaces by command-line name: <c>rosenbrock</c>, <c>quadratic:100</c>, ….</summary>
public static class SurfaceCatalog
{
    /// <summary>Every name <see cref="Create"/> accepts (<c>quadratic</c> also as <c>quadratic:KAPPA</c>).</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["rosenbrock", "beale", "saddle", "quadratic", "monkey-saddle", "himmelblau", "cliff", "plateau"];

    /// <summary>
    /// The surface named by <paramref name="spec"/>: one of <see cref="Names"/> (case-insensitive), or
    /// <c>quadratic:KAPPA</c> with κ &gt; 0 in invariant culture (e.g. <c>quadratic:100</c>).
    /// </summary>
    /// <exception cref="ArgumentException">Unknown name (the message lists the valid ones), or a malformed parameter.</exception>
    /// <exception cref="ArgumentOutOfRangeException">κ ≤ 0.</exception>
    public static Surface Create(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        string trimmed = spec.Trim();
        int colon = trimmed.IndexOf(':');
        string name = (colon < 0 ? trimmed : trimmed[..colon]).ToLowerInvariant();
        string? parameter = colon < 0 ? null : trimmed[(colon + 1)..];

        if (name == "quadratic")
            return parameter is null ? new Quadratic() : new Quadratic(Kappa(parameter, spec));
        if (parameter is not null && Names.Contains(name))
            throw new ArgumentException($"Surface '{spec}': {name} takes no parameter (only quadratic:KAPPA does).", nameof(spec));

        return name switch
        {
            "rosenbrock" => new Rosenbrock(),
            "beale" => new Beale(),
            "saddle" => new Saddle(),
            "monkey-saddle" => new MonkeySaddle(),
            "himmelblau" => new Himmelblau(),
            "cliff" => new Cliff(),
            "plateau" => new Plateau(),
            _ => throw new ArgumentException(
                $"Unknown surface '{spec}'. Valid surfaces: {string.Join(", ", Names)} (or quadratic:KAPPA, e.g. quadratic:100).", nameof(spec)),
        };
    }

    private static double Kappa(string text, string spec) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double kappa)
            ? kappa
            : throw new ArgumentException($"Surface '{spec}': '{text}' is not a number; use quadratic:KAPPA, e.g. quadratic:100.", nameof(spec));
}
