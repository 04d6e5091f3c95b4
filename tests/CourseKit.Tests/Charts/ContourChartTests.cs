using CourseKit.Charts;

namespace CourseKit.Tests.Charts;

public class ContourChartTests
{
    private static readonly SurfaceGrid Bowl = SurfaceGrid.Sample((x, y) => x * x + 3 * y * y, -2, 2, -1, 1, resolution: 21);

    [Fact]
    public void Draws_the_contour_then_each_path_with_all_its_points_then_the_marked_points()
    {
        var path1 = new ChartPath("SGD", [1.5, 1.0, 0.5, 0.2, 0.0], [0.8, 0.4, 0.2, 0.1, 0.0]);
        var path2 = ChartPath.FromPoints("Adam", [(1.5, 0.8), (1.0, 0.3), (0.0, 0.0)]);
        var chart = ContourChart.Create(Bowl, [path1, path2], [new MarkedPoint("minimum (0, 0)", 0, 0)]);
        var traces = ChartJson.Traces(chart);

        Assert.Equal(4, traces.Length);
        Assert.Equal("contour", traces[0].GetProperty("type").GetString());
        Assert.Equal(21, traces[0].GetProperty("z").GetArrayLength());
        Assert.Equal(5, traces[1].GetProperty("x").GetArrayLength());
        Assert.Equal(path1.Y, ChartJson.Numbers(traces[1].GetProperty("y")));
        Assert.Equal("lines+markers", traces[1].GetProperty("mode").GetString());
        Assert.Equal("Adam", traces[2].GetProperty("name").GetString());
        Assert.Equal(3, traces[2].GetProperty("x").GetArrayLength());
        Assert.NotEqual(traces[1].GetProperty("line").GetProperty("color").GetString(), traces[2].GetProperty("line").GetProperty("color").GetString());
        Assert.Equal("minimum (0, 0)", traces[3].GetProperty("text")[0].GetString());
    }

    [Fact]
    public void Axes_share_one_scale_so_a_round_bowl_looks_round()
    {
        var layout = ChartJson.Layout(ContourChart.Create(Bowl));
        Assert.Equal("x", layout.GetProperty("yaxis").GetProperty("scaleanchor").GetString());
    }

    [Fact]
    public void A_path_from_thetas_needs_two_coordinates_per_point()
    {
        var path = ChartPath.FromThetas("p", [[1.0, 2.0], [3.0, 4.0]]);
        Assert.Equal([1.0, 3.0], path.X);
        Assert.Equal([2.0, 4.0], path.Y);
        Assert.Throws<ArgumentException>(() => ChartPath.FromThetas("p", [[1.0, 2.0, 3.0]]));
        Assert.Throws<ArgumentException>(() => new ChartPath("p", [1.0], [1.0, 2.0]));
    }
}

public class SurfaceContourTests
{
    [Fact]
    public void A_catalog_surface_is_drawn_over_its_window_with_its_critical_points_labelled()
    {
        var surface = CourseKit.Surfaces.SurfaceCatalog.Create("rosenbrock");
        var path = ChartPath.FromPoints("Adam", [(-1.2, 1.0), (-0.5, 0.5), (1.0, 1.0)]);
        var traces = ChartJson.Traces(ContourChart.Create(surface, path));
        double[] x = ChartJson.Numbers(traces[0].GetProperty("x"));
        double[] y = ChartJson.Numbers(traces[0].GetProperty("y"));

        Assert.Equal((surface.Window.XMin, surface.Window.XMax), (x[0], x[^1]));
        Assert.Equal((surface.Window.YMin, surface.Window.YMax), (y[0], y[^1]));
        Assert.Equal(3, traces[1].GetProperty("x").GetArrayLength());
        var labels = traces[2].GetProperty("text").EnumerateArray().Select(t => t.GetString()).ToArray();
        Assert.Equal(surface.CriticalPoints.Count, labels.Length);
        Assert.Contains("minimum (1, 1)", labels);
    }
}

public class TrajectoryPathTests
{
    [Fact]
    public void A_recorded_run_becomes_a_path_with_every_step_named_after_its_optimizer()
    {
        var surface = CourseKit.Surfaces.SurfaceCatalog.Create("quadratic");
        var run = CourseKit.Trajectories.Trajectory.Run(CourseKit.Optimizers.OptimizerFactory.Create<double>("sgd"), surface, (1.0, 1.0), 7);

        var path = ChartPath.From(run);

        Assert.Equal(8, path.Count);
        Assert.Equal(run.Xs, path.X);
        Assert.Equal(run.Ys, path.Y);
        Assert.Equal(run.Optimizer, path.Name);
        Assert.Equal("mine", ChartPath.From(run, "mine").Name);
    }
}
