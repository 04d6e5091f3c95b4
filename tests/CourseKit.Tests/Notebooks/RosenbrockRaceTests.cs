using CourseKit.Notebooks;
using CourseKit.Optimizers;
using CourseKit.Surfaces;
using CourseKit.Trajectories;

namespace CourseKit.Tests.Notebooks;

public class RosenbrockRaceTests
{
    private static readonly string[] Four = ["sgd", "momentum", "rmsprop", "adam"];

    [Fact]
    public void A_runner_finishes_at_the_first_step_within_the_tolerance_of_its_own_path()
    {
        var race = RosenbrockRace.Run(Four, learningRate: 0.001, tolerance: 0.01, budget: 20_000);
        var surface = SurfaceCatalog.Create("rosenbrock");
        foreach (string name in Four)
        {
            var path = Trajectory.Run(OptimizerFactory.Create<double>(name, new OptimizerSettings { LearningRate = 0.001 }),
                surface, surface.SuggestedStart, 20_000);
            int expected = path.Points.ToList().FindIndex(p => Math.Sqrt((p.X - 1) * (p.X - 1) + (p.Y - 1) * (p.Y - 1)) < 0.01);
            Assert.Equal(expected < 0 ? null : expected, race.StepsToFinish(name));
            if (expected >= 0) Assert.Equal(expected, race.Path(name).Last.Step);
        }
    }

    [Fact]
    public void The_winners_are_exactly_the_runners_with_the_fewest_steps()
    {
        var race = RosenbrockRace.Run(Four);
        int fewest = Four.Select(race.StepsToFinish).Where(s => s is not null).Min()!.Value;
        Assert.Equal(Four.Where(n => race.StepsToFinish(n) == fewest), race.Winners);
        Assert.All(Four.Except(race.Winners), n => Assert.True(race.StepsToFinish(n) is null || race.StepsToFinish(n) > fewest));
    }

    [Fact]
    public void A_tie_makes_every_tied_runner_a_winner()
    {
        // The start is 2.2 from (1, 1): with a tolerance of 3 everyone has finished at step 0.
        var race = RosenbrockRace.Run(Four, tolerance: 3);
        Assert.Equal(Four, race.Winners);
        Assert.All(Four, n => Assert.Equal(0, race.StepsToFinish(n)));
    }

    [Fact]
    public void A_diverging_runner_does_not_finish_and_says_so()
    {
        var race = RosenbrockRace.Run(["sgd", "adam"], learningRate: 0.05, budget: 2_000);
        Assert.Null(race.StepsToFinish("sgd"));
        Assert.True(race.Path("sgd").Diverged);
        Assert.DoesNotContain("sgd", race.Winners);
        Assert.Contains("sgd        diverged at step", race.ToString());
    }

    [Fact]
    public void Nobody_wins_when_nobody_finishes_in_the_budget()
    {
        var race = RosenbrockRace.Run(Four, budget: 10);
        Assert.Empty(race.Winners);
        Assert.Contains("not finished", race.ToString());
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        Assert.Equal("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => RosenbrockRace.Run(Four, learningRate: 0)).ParamName);
        Assert.Equal("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => RosenbrockRace.Run(Four, learningRate: double.NaN)).ParamName);
        Assert.Equal("tolerance", Assert.Throws<ArgumentOutOfRangeException>(() => RosenbrockRace.Run(Four, tolerance: -1)).ParamName);
        Assert.Equal("budget", Assert.Throws<ArgumentOutOfRangeException>(() => RosenbrockRace.Run(Four, budget: 0)).ParamName);
        Assert.Equal("optimizers", Assert.Throws<ArgumentException>(() => RosenbrockRace.Run([])).ParamName);
        Assert.Equal("optimizers", Assert.Throws<ArgumentException>(() => RosenbrockRace.Run(["sgd", "SGD"])).ParamName);
        Assert.Equal("optimizer", Assert.Throws<ArgumentException>(() => RosenbrockRace.Run(Four, budget: 5).StepsToFinish("adadelta")).ParamName);
    }
}
