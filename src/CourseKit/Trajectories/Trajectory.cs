using CourseKit.Optimizers;
using CourseKit.Surfaces;

namespace CourseKit.Trajectories;

/// <summary>
/// The path an optimizer takes on a 2-D surface: a row per step, step 0 being the start.
/// </summary>
public sealed class Trajectory
{
    private readonly List<TrajectoryPoint> _points;

    private Trajectory(string optimizer, string surface, List<TrajectoryPoint> points, string? divergence)
    {
        Optimizer = optimizer;
        Surface = surface;
        _points = points;
        Divergence = divergence;
    }

    /// <summary>The optimizer's name and settings, e.g. <c>adam(ε=0.1, schedule=constant, clip=none)</c>.</summary>
    public string Optimizer { get; }

    /// <summary>The surface's name.</summary>
    public string Surface { get; }

    /// <summary>Every step that stayed finite, from step 0 (the start).</summary>
    public IReadOnlyList<TrajectoryPoint> Points => _points;

    /// <summary>Why the run stopped early (θ or J reached NaN or ±∞), or null when it ran every step.</summary>
    public string? Divergence { get; }

    public bool Diverged => Divergence is not null;

    public double[] Xs => _points.Select(p => p.X).ToArray();

    public double[] Ys => _points.Select(p => p.Y).ToArray();

    public double[] Losses => _points.Select(p => p.Loss).ToArray();

    /// <summary>The last point reached.</summary>
    public TrajectoryPoint Last => _points[^1];

    /// <summary>
    /// Runs <paramref name="optimizer"/> on <paramref name="surface"/> from <paramref name="start"/> for
    /// <paramref name="steps"/> updates. The gradient comes from <paramref name="gradient"/> when given
    /// (say a <see cref="NoisyGradient"/>), else from the surface itself; J is always the exact value.
    /// A NaN or infinite θ or J ends the run: the rows so far are kept and <see cref="Divergence"/> says where.
    /// </summary>
    public static Trajectory Run(Optimizer<double> optimizer, Surface surface, (double X, double Y) start, int steps,
        GradientFunction<double>? gradient = null)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(surface);
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        if (!double.IsFinite(start.X) || !double.IsFinite(start.Y))
            throw new ArgumentOutOfRangeException(nameof(start), start, "start must be a finite point.");
        gradient ??= surface.LossAndGradient;
        string name = optimizer.ToString();
        double[] theta = [start.X, start.Y];
        double[] g = new double[2];
        var points = new List<TrajectoryPoint>(steps + 1)
        {
            new(0, start.X, start.Y, surface.Value(start.X, start.Y), double.NaN, double.NaN),
        };
        if (!double.IsFinite(points[0].Loss))
            return new Trajectory(name, surface.Name, points, $"J is {points[0].Loss} at the start.");

        for (int k = 1; k <= steps; k++)
        {
            optimizer.Step(theta, g, gradient);
            double loss = surface.Value(theta[0], theta[1]);
            if (!double.IsFinite(theta[0]) || !double.IsFinite(theta[1]) || !double.IsFinite(loss))
            {
                return new Trajectory(name, surface.Name, points,
                    $"diverged at step {k}: θ = ({theta[0]}, {theta[1]}), J = {loss}, after ‖ĝ‖ = {optimizer.LastGradientNorm:G4} " +
                    $"and ε_k = {optimizer.LastLearningRate:G4}. Try a smaller learning rate or clipping by norm.");
            }

            points.Add(new TrajectoryPoint(k, theta[0], theta[1], loss, optimizer.LastGradientNorm, optimizer.LastLearningRate));
        }

        return new Trajectory(name, surface.Name, points, null);
    }
}
