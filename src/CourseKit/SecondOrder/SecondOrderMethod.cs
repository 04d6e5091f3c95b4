using System.Globalization;
using CourseKit.Surfaces;

namespace CourseKit.SecondOrder;

/// <summary>
/// A second-order step on a 2-D surface: a rule that uses the Hessian ℍ as well as the gradient ∇f
/// to choose both the direction and the length of the step.
/// </summary>
/// <remarks>
/// Newton's method models f near θ by its second-order Taylor expansion
/// f(θ + d) ≈ f(θ) + ∇fᵀd + ½dᵀℍd and jumps to that model's critical point, d = −ℍ⁻¹∇f. On a bowl that
/// is the bottom; on a saddle it is the saddle. The subclasses differ in how they repair ℍ first.
/// Specs: <c>newton</c>, <c>damped-newton:LAMBDA[:ETA]</c>, <c>saddle-free-newton[:FLOOR]</c>.
/// </remarks>
public abstract class SecondOrderMethod
{
    /// <summary>The spec this method parses from, e.g. <c>damped-newton:0.1</c>.</summary>
    public abstract string Name { get; }

    /// <summary>One step from (x, y) on <paramref name="surface"/>; returns the new point.</summary>
    /// <exception cref="InvalidOperationException">The matrix to invert is singular at (x, y); the message names the point.</exception>
    public abstract (double X, double Y) Step(Surface surface, double x, double y);

    /// <summary>
    /// Runs <paramref name="steps"/> steps from (x, y) and returns the path: the start followed by each
    /// new point (steps + 1 points).
    /// </summary>
    /// <exception cref="InvalidOperationException">A step meets a singular matrix, or the path leaves the finite numbers.</exception>
    public IReadOnlyList<(double X, double Y)> Path(Surface surface, double x, double y, int steps)
    {
        ArgumentNullException.ThrowIfNull(surface);
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        var path = new List<(double X, double Y)>(steps + 1) { (x, y) };
        for (int k = 1; k <= steps; k++)
        {
            (x, y) = Step(surface, x, y);
            if (!double.IsFinite(x) || !double.IsFinite(y))
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"{Name} on {surface.Name} diverged at step {k}: it reached ({x}, {y}) from {Show(path[^1].X, path[^1].Y)}. Start closer to a critical point or damp the step."));
            path.Add((x, y));
        }

        return path;
    }

    public override string ToString() => Name;

    /// <summary>
    /// Parses <c>newton</c>, <c>damped-newton:LAMBDA</c>, <c>damped-newton:LAMBDA:ETA</c>,
    /// <c>saddle-free-newton</c> or <c>saddle-free-newton:FLOOR</c> (numbers in invariant culture).
    /// </summary>
    /// <exception cref="ArgumentException">The spec is none of these; the message lists them.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A number is out of its range.</exception>
    public static SecondOrderMethod Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        string[] parts = spec.Trim().Split(':');
        return (parts[0].ToLowerInvariant(), parts.Length) switch
        {
            ("newton", 1) => new Newton(),
            ("damped-newton", 2) => new DampedNewton(Number(parts[1], spec)),
            ("damped-newton", 3) => new DampedNewton(Number(parts[1], spec), Number(parts[2], spec)),
            ("saddle-free-newton", 1) => new SaddleFreeNewton(),
            ("saddle-free-newton", 2) => new SaddleFreeNewton(Number(parts[1], spec)),
            _ => throw new ArgumentException(
                $"Unknown second-order method '{spec}'. Use newton, damped-newton:LAMBDA[:ETA] or saddle-free-newton[:FLOOR].", nameof(spec)),
        };
    }

    /// <summary>(x, y) in invariant culture, for messages.</summary>
    protected static string Show(double x, double y) => string.Create(CultureInfo.InvariantCulture, $"({x:R}, {y:R})");

    /// <summary>Solves <paramref name="matrix"/>·d = ∇f, or throws naming the point where it is singular.</summary>
    protected (double X, double Y) SolveAt(Hessian2 matrix, (double X, double Y) gradient, string matrixName, Surface surface, double x, double y)
    {
        if (matrix.IsSingular())
            throw new InvalidOperationException(
                $"{Name}: {matrixName} is singular at {Show(x, y)} on {surface.Name} ({matrixName} = {matrix}), so the step is undefined. " +
                "Use damped-newton (λ > 0) or saddle-free-newton there.");
        return matrix.Solve(gradient.X, gradient.Y);
    }

    private static double Number(string text, string spec) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double x)
            ? x : throw new ArgumentException($"Second-order method '{spec}': '{text}' is not a number.", nameof(spec));
}
