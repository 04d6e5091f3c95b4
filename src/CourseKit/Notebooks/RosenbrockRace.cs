using System.Globalization;
using System.Text;
using CourseKit.Optimizers;
using CourseKit.Surfaces;
using CourseKit.Trajectories;

namespace CourseKit.Notebooks;

/// <summary>
/// Notebook 00's first exercise: several optimizers start at Rosenbrock's suggested start with the same ε and race
/// to within <see cref="Tolerance"/> of the minimum (1, 1), each with the same step budget. The race has an answer
/// only where every runner can finish (at ε = 0.05 plain SGD and momentum blow up in a few steps), so it says who
/// finished, when, and who won; equal step counts are a tie and every tied name wins.
/// </summary>
public sealed class RosenbrockRace
{
    private readonly Dictionary<string, int?> _finish;
    private readonly Dictionary<string, Trajectory> _paths;

    private RosenbrockRace(double learningRate, double tolerance, int budget, Dictionary<string, int?> finish, Dictionary<string, Trajectory> paths)
    {
        (LearningRate, Tolerance, Budget, _finish, _paths) = (learningRate, tolerance, budget, finish, paths);
        int? best = finish.Values.Where(s => s is not null).Min();
        Winners = best is null ? [] : finish.Where(p => p.Value == best).Select(p => p.Key).ToArray();
    }

    /// <summary>The minimum every runner races to.</summary>
    public static (double X, double Y) Finish => (1, 1);

    /// <summary>ε, the same for every runner (each optimizer's other settings are its defaults).</summary>
    public double LearningRate { get; }

    /// <summary>A runner has finished once its distance to (1, 1) is below this.</summary>
    public double Tolerance { get; }

    /// <summary>The most steps a runner may take.</summary>
    public int Budget { get; }

    /// <summary>The runners' names, in the order given.</summary>
    public IReadOnlyList<string> Runners => _finish.Keys.ToArray();

    /// <summary>Every runner that finished in the fewest steps; empty when nobody finished.</summary>
    public IReadOnlyList<string> Winners { get; }

    /// <summary>The first step at which <paramref name="optimizer"/> was within the tolerance, or null if it never was (or diverged).</summary>
    public int? StepsToFinish(string optimizer) =>
        _finish.TryGetValue(optimizer, out int? steps) ? steps
            : throw new ArgumentException($"'{optimizer}' is not in this race; runners: {string.Join(", ", Runners)}.", nameof(optimizer));

    /// <summary>The runner's whole path (it stops at the step it finished, or where it diverged).</summary>
    public Trajectory Path(string optimizer) =>
        _paths.TryGetValue(optimizer, out var path) ? path
            : throw new ArgumentException($"'{optimizer}' is not in this race; runners: {string.Join(", ", Runners)}.", nameof(optimizer));

    /// <summary>Runs the race: every optimizer (a name of <see cref="OptimizerFactory"/>) from Rosenbrock's suggested start.</summary>
    public static RosenbrockRace Run(IEnumerable<string> optimizers, double learningRate = 0.001, double tolerance = 0.01, int budget = 20_000)
    {
        ArgumentNullException.ThrowIfNull(optimizers);
        string[] names = optimizers.ToArray();
        if (names.Length == 0) throw new ArgumentException("give at least one optimizer", nameof(optimizers));
        if (names.Distinct(StringComparer.OrdinalIgnoreCase).Count() != names.Length)
            throw new ArgumentException($"each optimizer may run once; got {string.Join(", ", names)}", nameof(optimizers));
        if (!(learningRate > 0) || !double.IsFinite(learningRate))
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "must be a finite number > 0");
        if (!(tolerance > 0) || !double.IsFinite(tolerance))
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "must be a finite number > 0");
        ArgumentOutOfRangeException.ThrowIfLessThan(budget, 1);

        var surface = SurfaceCatalog.Create("rosenbrock");
        var finish = new Dictionary<string, int?>(StringComparer.OrdinalIgnoreCase);
        var paths = new Dictionary<string, Trajectory>(StringComparer.OrdinalIgnoreCase);
        foreach (string name in names)
        {
            var optimizer = OptimizerFactory.Create<double>(name, new OptimizerSettings { LearningRate = learningRate });
            var path = Trajectory.Run(optimizer, surface, surface.SuggestedStart, budget);
            int first = path.Points.ToList().FindIndex(p => Distance(p.X, p.Y) < tolerance);
            finish[name] = first < 0 ? null : first;
            paths[name] = first < 0 ? path : Trajectory.Run(
                OptimizerFactory.Create<double>(name, new OptimizerSettings { LearningRate = learningRate }), surface, surface.SuggestedStart, first);
        }

        return new RosenbrockRace(learningRate, tolerance, budget, finish, paths);
    }

    /// <summary>One line per runner: the step it finished at, or why it did not.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"race to within {Tolerance} of (1, 1), ε = {LearningRate}, at most {Budget} steps:"));
        foreach (var (name, steps) in _finish)
        {
            var path = _paths[name];
            string result = steps is int k ? $"finished in {k} steps"
                : path.Diverged ? $"diverged at step {path.Points.Count}"
                : $"not finished, {Distance(path.Last.X, path.Last.Y):G3} from (1, 1) after {Budget} steps";
            text.Append(CultureInfo.InvariantCulture, $"\n  {name,-10} {result}");
        }

        return text.ToString();
    }

    private static double Distance(double x, double y) => Math.Sqrt((x - Finish.X) * (x - Finish.X) + (y - Finish.Y) * (y - Finish.Y));
}
