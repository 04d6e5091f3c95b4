using CourseKit.Notebooks;
using CourseKit.SecondOrder;
using CourseKit.Surfaces;

namespace CourseKit.Tests.Notebooks;

public class NewtonExercisesTests
{
    [Theory]
    [InlineData("quadratic:10")]
    [InlineData("quadratic:1000")]
    public void Newton_needs_one_step_on_any_bowl(string spec) =>
        Assert.Equal(1, NewtonExercises.StepsToReach(SurfaceCatalog.Create(spec), 1e-12));

    [Fact]
    public void A_start_already_below_the_tolerance_needs_no_step_and_a_maximum_is_never_reached()
    {
        var bowl = SurfaceCatalog.Create("quadratic:1000");
        Assert.Equal(0, NewtonExercises.StepsToReach(bowl, bowl.Value(bowl.SuggestedStart.X, bowl.SuggestedStart.Y)));
        // From Himmelblau's suggested start Newton converges to the central maximum, where J ≈ 181.6.
        Assert.Throws<InvalidOperationException>(() => NewtonExercises.StepsToReach(SurfaceCatalog.Create("himmelblau"), 1e-6, maxSteps: 30));
        Assert.Throws<ArgumentOutOfRangeException>(() => NewtonExercises.StepsToReach(bowl, double.NaN));
    }

    [Fact]
    public void The_damping_that_keeps_the_distance_leaves_the_size_of_y_unchanged_on_the_saddle()
    {
        var saddle = SurfaceCatalog.Create("saddle");            // curvature −2 along y
        double l = NewtonExercises.DampingThatKeepsDistance(-2);
        Assert.Equal(0.5, Math.Abs(new DampedNewton(l).Step(saddle, 0, 0.5).Y), 12);
        Assert.True(Math.Abs(new DampedNewton(l * 0.9).Step(saddle, 0, 0.5).Y) < 0.5);
        Assert.Throws<ArgumentOutOfRangeException>(() => NewtonExercises.DampingThatKeepsDistance(2));
    }

    [Fact]
    public void The_hessian_of_the_digits_network_takes_n_squared_floats()
    {
        // 64-64-10: 64·64 + 64 + 64·10 + 10 = 4810 parameters.
        Assert.Equal(4810.0 * 4810 * 4 / 1e9, NewtonExercises.HessianGigabytes([64, 64, 10]), 12);
    }
}
