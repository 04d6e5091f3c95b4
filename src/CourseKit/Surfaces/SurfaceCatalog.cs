using System.Globalization;

namespace CourseKit.Surfaces;

/// <summary>The surfaces by command-line name: <c>rosenbrock</c>, <c>quadratic:100</c>, ….</summary>
public static class SurfaceCatalog
{
    /// <summary>Every name <see cref="Create"/> accepts (<c>quadratic</c> also as <c>quadratic:KAPPA</c> and <c>quadratic:KAPPA:ANGLE</c>).</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["rosenbrock", "beale", "saddle", "quadratic", "monkey-saddle", "himmelblau", "cliff", "plateau"];

    /// <summary>
    /// The surface named by <paramref name="spec"/>: one of <see cref="Names"/> (case-insensitive), or
    /// <c>quadratic:KAPPA</c> with κ &gt; 0 in invariant culture (e.g. <c>quadratic:100</c>), or
    /// <c>quadratic:KAPPA:ANGLE</c> with the ravine turned by ANGLE degrees (e.g. <c>quadratic:100:45</c>).
    /// </summary>
    /// <exception cref="ArgumentException">Unknown name (the message lists the valid ones), or a malformed parameter.</exception>
    /// <exception cref="ArgumentOutOfRangeException">κ ≤ 0, or an infinite angle.</exception>
    public static Surface Create(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        string trimmed = spec.Trim();
        int colon = trimmed.IndexOf(':');
        string name = (colon < 0 ? trimmed : trimmed[..colon]).ToLowerInvariant();
        string? parameter = colon < 0 ? null : trimmed[(colon + 1)..];

        if (name == "quadratic")
            return parameter is null ? new Quadratic() : QuadraticFrom(parameter, spec);
        if (parameter is not null && Names.Contains(name))
            throw new ArgumentException($"Surface '{spec}': {name} takes no parameter (only quadratic:KAPPA[:ANGLE] does).", nameof(spec));

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
                $"Unknown surface '{spec}'. Valid surfaces: {string.Join(", ", Names)} (or quadratic:KAPPA[:ANGLE], e.g. quadratic:100 or quadratic:100:45).", nameof(spec)),
        };
    }

    private static Quadratic QuadraticFrom(string parameter, string spec)
    {
        string[] parts = parameter.Split(':');
        if (parts.Length > 2)
            throw new ArgumentException($"Surface '{spec}': quadratic takes at most two parameters, quadratic:KAPPA:ANGLE; got {parts.Length}.", nameof(spec));
        double kappa = Number(parts[0], "KAPPA", spec);
        return parts.Length == 1 ? new Quadratic(kappa) : new Quadratic(kappa, Number(parts[1], "ANGLE", spec));
    }

    private static double Number(string text, string part, string spec) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value
            : throw new ArgumentException(
                $"Surface '{spec}': {part} '{text}' is not a number; use quadratic:KAPPA or quadratic:KAPPA:ANGLE (degrees), e.g. quadratic:100:45.", nameof(spec));
}
