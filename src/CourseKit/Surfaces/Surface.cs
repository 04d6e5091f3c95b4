using System.Globalization;

namespace CourseKit.Surfaces;

/// <summary>
/// A 2-D loss surface f(x, y) with its exact gradient and Hessian: the small worlds in which the
/// lecture's difficulties (ill-conditioning, saddles, cliffs, plateaus) can be drawn and an
/// optimizer's path watched.
/// </summary>
/// <remarks>
/// θ = (x, y). <see cref="LossAndGradient"/> has the shape of
/// <see cref="Optimizers.GradientFunction{T}"/>, so any optimizer can walk a surface:
/// <code>
/// var surface = SurfaceCatalog.Create("rosenbrock");
/// GradientFunction&lt;double&gt; f = surface.LossAndGradient;   // cache it: a new delegate per step allocates
/// double[] theta = [surface.SuggestedStart.X, surface.SuggestedStart.Y], g = new double[2];
/// optimizer.Step(theta, g, f);
/// </code>
/// </remarks>
public abstract class Surface
{
    /// <summary>The command-line name, e.g. <c>rosenbrock</c>; <see cref="SurfaceCatalog.Create"/> accepts it.</summary>
    public abstract string Name { get; }

    /// <summary>The formula in plain text, e.g. <c>(1−x)² + 100(y−x²)²</c>.</summary>
    public abstract string Formula { get; }

    /// <summary>f(x, y).</summary>
    public abstract double Value(double x, double y);

    /// <summary>∇f(x, y) = (∂f/∂x, ∂f/∂y).</summary>
    public abstract (double X, double Y) Gradient(double x, double y);

    /// <summary>ℍ(x, y), the matrix of second derivatives.</summary>
    public abstract Hessian2 Hessian(double x, double y);

    /// <summary>
    /// The known critical points (∇f = 0): minima, maxima, saddles and degenerate points, exact where
    /// a closed form is known, otherwise polished by Newton's method on ∇f = 0 to about 1e-10.
    /// </summary>
    public abstract IReadOnlyList<CriticalPoint> CriticalPoints { get; }

    /// <summary>A window that shows the surface's features (its critical points and its lesson).</summary>
    public virtual PlotWindow Window => new(-2, 2, -2, 2);

    /// <summary>A starting point from which an optimizer shows the surface's lesson.</summary>
    public virtual (double X, double Y) SuggestedStart => (Window.XMin + Window.Width / 4, Window.YMax - Window.Height / 4);

    /// <summary>
    /// Writes ∇f(θ) into <paramref name="gradient"/> and returns f(θ), for θ = (x, y). Matches
    /// <see cref="Optimizers.GradientFunction{T}"/> with T = double.
    /// </summary>
    /// <exception cref="ArgumentException">θ or the gradient does not have exactly 2 elements.</exception>
    public double LossAndGradient(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        if (theta.Length != 2) throw new ArgumentException($"A surface takes θ = (x, y), 2 elements; got {theta.Length}.", nameof(theta));
        if (gradient.Length != 2) throw new ArgumentException($"A surface's gradient has 2 elements; got a buffer of {gradient.Length}.", nameof(gradient));
        double x = theta[0], y = theta[1];
        (gradient[0], gradient[1]) = Gradient(x, y);
        return Value(x, y);
    }

    public override string ToString() => $"{Name}: f(x, y) = {Formula}";

    /// <summary>A critical point given in closed form, with its value.</summary>
    protected CriticalPoint Exact(double x, double y, CriticalPointKind kind) => new(x, y, kind, Value(x, y));

    /// <summary>
    /// A critical point near (x, y), found by Newton's method on ∇f = 0 (which converges to any
    /// nondegenerate critical point, saddles included, from close enough).
    /// </summary>
    /// <exception cref="InvalidOperationException">The iteration did not settle: the start is not near a critical point.</exception>
    protected CriticalPoint Polished(double x, double y, CriticalPointKind kind)
    {
        for (int i = 0; i < 100; i++)
        {
            var (gx, gy) = Gradient(x, y);
            if (gx == 0 && gy == 0) return new(x, y, kind, Value(x, y));
            var (dx, dy) = Hessian(x, y).Solve(gx, gy);
            x -= dx;
            y -= dy;
            // Newton converges quadratically: after a step of 1e-10 the error left is of order 1e-20.
            if (Math.Abs(dx) <= 1e-10 * (1 + Math.Abs(x)) && Math.Abs(dy) <= 1e-10 * (1 + Math.Abs(y)))
                return new(x, y, kind, Value(x, y));
        }

        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
            $"{Name}: Newton's method found no critical point near the given start (ended at ({x:G6}, {y:G6}))."));
    }
}
