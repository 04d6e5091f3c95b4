using CourseKit.Charts;

namespace CourseKit.Tests.Charts;

public class OtherChartsTests
{
    private static readonly SurfaceGrid Saddle = SurfaceGrid.Sample((x, y) => x * x - y * y, -1, 1, -1, 1, resolution: 15);

    [Fact]
    public void A_surface_chart_has_the_surface_and_each_path_lifted_to_its_values()
    {
        var path = new ChartPath("GD", [1.0, 0.5, 0.0], [0.1, 0.2, 0.4]);
        double[] values = [0.99, 0.21, -0.16];
        var traces = ChartJson.Traces(SurfaceChart.Create(Saddle, "saddle", [(path, values)]));

        Assert.Equal("surface", traces[0].GetProperty("type").GetString());
        Assert.Equal(15, traces[0].GetProperty("z").GetArrayLength());
        Assert.Equal("scatter3d", traces[1].GetProperty("type").GetString());
        Assert.Equal(values, ChartJson.Numbers(traces[1].GetProperty("z")));
        Assert.Throws<ArgumentException>(() => SurfaceChart.Create(Saddle, null, [(path, [1.0])]));
    }

    [Fact]
    public void A_heatmap_of_a_table_keeps_its_labels()
    {
        double[][] finalLoss = [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]];
        var traces = ChartJson.Traces(HeatmapChart.Create(finalLoss, ["β = 0.9", "β = 0.99"], ["1e-3", "1e-2", "1e-1"], "final loss"));

        Assert.Equal("heatmap", traces[0].GetProperty("type").GetString());
        Assert.Equal("β = 0.99", traces[0].GetProperty("y")[1].GetString());
        Assert.Equal(3, traces[0].GetProperty("x").GetArrayLength());
        Assert.Throws<ArgumentException>(() => HeatmapChart.Create(finalLoss, ["only one"], ["a", "b", "c"]));
    }

    [Fact]
    public void A_heatmap_of_a_surface_has_its_grid()
    {
        var traces = ChartJson.Traces(HeatmapChart.Create(Saddle));
        Assert.Equal(15, traces[0].GetProperty("x").GetArrayLength());
        Assert.Equal(15, traces[0].GetProperty("z").GetArrayLength());
    }
}

public class RecordedRunChartsTests
{
    private static readonly CourseKit.Surfaces.Surface Bowl = CourseKit.Surfaces.SurfaceCatalog.Create("quadratic");

    private static CourseKit.Trajectories.Trajectory Run(string optimizer, int steps) =>
        CourseKit.Trajectories.Trajectory.Run(CourseKit.Optimizers.OptimizerFactory.Create<double>(optimizer), Bowl, (1.0, 1.0), steps);

    [Fact]
    public void Loss_histories_of_runs_have_one_line_per_run_with_every_step()
    {
        var sgd = Run("sgd", 5);
        var adam = Run("adam", 9);
        var traces = ChartJson.Traces(HistoryChart.Losses([sgd, adam]));

        Assert.Equal(2, traces.Length);
        Assert.Equal(sgd.Optimizer, traces[0].GetProperty("name").GetString());
        Assert.Equal(sgd.Losses, ChartJson.Numbers(traces[0].GetProperty("y")));
        Assert.Equal(10, traces[1].GetProperty("y").GetArrayLength());
    }

    [Fact]
    public void A_surface_in_3d_lifts_each_run_to_its_loss()
    {
        var run = Run("momentum", 6);
        var traces = ChartJson.Traces(SurfaceChart.Create(Bowl, [run], resolution: 20));

        Assert.Equal(20, traces[0].GetProperty("z").GetArrayLength());
        Assert.Equal(run.Losses, ChartJson.Numbers(traces[1].GetProperty("z")));
        Assert.Equal(run.Xs, ChartJson.Numbers(traces[1].GetProperty("x")));
    }
}
