using CourseKit.Optimizers;
using CourseKit.Surfaces;
using CourseKit.Trajectories;

namespace CourseKit.Tests.Trajectories;

public class TrajectoryTests
{
    [Fact]
    public void Step_zero_is_the_start_and_each_row_records_the_update_that_led_to_it()
    {
        var surface = SurfaceCatalog.Create("quadratic:10");
        var path = Trajectory.Run(new Sgd<double>(0.05), surface, (1, 1), 3);
        Assert.Equal(4, path.Points.Count);
        Assert.Equal((0, 1.0, 1.0), (path.Points[0].Step, path.Points[0].X, path.Points[0].Y));
        Assert.True(double.IsNaN(path.Points[0].GradientNorm));

        // ½(x² + 10y²): ∇ = (x, 10y); SGD: x ← x(1 − ε), y ← y(1 − 10ε)
        Assert.Equal(0.95, path.Points[1].X, 15);
        Assert.Equal(0.5, path.Points[1].Y, 15);
        Assert.Equal(Math.Sqrt(1 + 100), path.Points[1].GradientNorm, 12);
        Assert.Equal(0.05, path.Points[1].LearningRate);
        Assert.Equal(surface.Value(path.Last.X, path.Last.Y), path.Last.Loss);
        Assert.False(path.Diverged);
    }

    [Fact]
    public void A_run_that_blows_up_stops_with_the_finite_rows_and_a_message()
    {
        var path = Trajectory.Run(new Sgd<double>(0.5), SurfaceCatalog.Create("rosenbrock"), (-1.5, 2), 1000);
        Assert.True(path.Diverged);
        Assert.True(path.Points.Count < 1000);
        Assert.All(path.Points, p => Assert.True(double.IsFinite(p.Loss)));
        Assert.Contains("smaller learning rate", path.Divergence);
    }

    [Fact]
    public void A_noisy_gradient_changes_the_path_and_the_same_seed_repeats_it()
    {
        var surface = SurfaceCatalog.Create("saddle");
        Trajectory Noisy(int seed) => Trajectory.Run(new Sgd<double>(0.1), surface, (1, 0), 30, new NoisyGradient(surface, 0.1, seed).LossAndGradient);
        var exact = Trajectory.Run(new Sgd<double>(0.1), surface, (1, 0), 30);
        Assert.Equal(0, exact.Last.Y); // exactly on the saddle's ridge, gradient descent never leaves y = 0
        Assert.NotEqual(0, Noisy(1).Last.Y); // noise escapes
        Assert.Equal(Noisy(7).Ys, Noisy(7).Ys);
    }
}
