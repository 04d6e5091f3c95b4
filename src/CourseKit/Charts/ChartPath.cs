namespace CourseKit.Charts;

/// <summary>
/// A named path in the plane, the points an optimizer visited (θ₀, θ₁, …) in order. Charts draw
/// it as a line with markers so a student can count the steps and see where it overshoots.
/// </summary>
public sealed record ChartPath
{
    /// <summary>A path from matching x and y coordinates.</summary>
    public ChartPath(string name, IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
            throw new ArgumentException($"Path '{name}' has {x.Count} x values but {y.Count} y values; they must match.", nameof(y));
        Name = name;
        X = x;
        Y = y;
    }

    /// <summary>Legend label, say "Adam, α = 0.1".</summary>
    public string Name { get; }

    /// <summary>First coordinate of each visited point.</summary>
    public IReadOnlyList<double> X { get; }

    /// <summary>Second coordinate of each visited point.</summary>
    public IReadOnlyList<double> Y { get; }

    /// <summary>Number of points (steps + 1 when the start is included).</summary>
    public int Count => X.Count;

    /// <summary>A path from a sequence of (x, y) points.</summary>
    public static ChartPath FromPoints(string name, IEnumerable<(double X, double Y)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var list = points.ToList();
        return new ChartPath(name, list.Select(p => p.X).ToArray(), list.Select(p => p.Y).ToArray());
    }

    /// <summary>The path of a recorded run, named after its optimizer and settings unless <paramref name="name"/> is given.</summary>
    public static ChartPath From(Trajectories.Trajectory trajectory, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        return new ChartPath(name ?? trajectory.Optimizer, trajectory.Xs, trajectory.Ys);
    }

    /// <summary>A path from parameter vectors θ with two components each, as an optimizer records them.</summary>
    public static ChartPath FromThetas(string name, IEnumerable<double[]> thetas)
    {
        ArgumentNullException.ThrowIfNull(thetas);
        return FromPoints(name, thetas.Select((t, i) => t.Length == 2
            ? (t[0], t[1])
            : throw new ArgumentException($"Point {i} of path '{name}' has {t.Length} coordinates; a path in the plane needs 2.", nameof(thetas))));
    }
}
