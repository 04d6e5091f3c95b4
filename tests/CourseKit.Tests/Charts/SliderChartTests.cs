using System.Text.Json;
using CourseKit.Charts;

namespace CourseKit.Tests.Charts;

public class SliderChartTests
{
    private static readonly SurfaceGrid Bowl = SurfaceGrid.Sample((x, y) => x * x + y * y, -1, 1, -1, 1, resolution: 11);

    private static ChartPath Path(string name, int points) =>
        new(name, Enumerable.Range(0, points).Select(i => 1.0 / (i + 1)).ToArray(), new double[points]);

    [Fact]
    public void One_slider_step_per_path_each_showing_the_contour_and_only_its_path()
    {
        var paths = new[] { Path("α = 0.01", 3), Path("α = 0.1", 4), Path("α = 1", 5) };
        var chart = SliderChart.Paths(Bowl, paths, [new MarkedPoint("min", 0, 0)]);
        var traces = ChartJson.Traces(chart);
        var steps = ChartJson.Layout(chart).GetProperty("sliders")[0].GetProperty("steps").EnumerateArray().ToArray();

        Assert.Equal(5, traces.Length); // contour, marked points, three paths
        Assert.Equal(3, steps.Length);
        Assert.Equal([3, 4, 5], traces.Skip(2).Select(t => t.GetProperty("x").GetArrayLength()));
        Assert.True(traces[2].GetProperty("visible").GetBoolean());
        Assert.False(traces[3].GetProperty("visible").GetBoolean());
        for (int s = 0; s < 3; s++)
        {
            Assert.Equal(paths[s].Name, steps[s].GetProperty("label").GetString());
            Assert.Equal("restyle", steps[s].GetProperty("method").GetString());
            bool[] visible = steps[s].GetProperty("args")[0].GetProperty("visible").EnumerateArray().Select(v => v.GetBoolean()).ToArray();
            Assert.Equal([true, true, s == 0, s == 1, s == 2], visible);
        }
    }

    [Fact]
    public void Steps_can_be_any_charts_with_several_traces_each()
    {
        var a = HistoryChart.Create("", ("x", [1.0, 0.5]), ("y", [2.0, 1.0]));
        var b = HistoryChart.Create("", ("x", [1.0, 0.1]), ("y", [2.0, 0.2]));
        var chart = SliderChart.Create(null, [("ε = 0.1", a), ("ε = 0.5", b)], prefix: "schedule: ");
        var slider = ChartJson.Layout(chart).GetProperty("sliders")[0];

        Assert.Equal(4, ChartJson.Traces(chart).Length);
        Assert.Equal("schedule: ", slider.GetProperty("currentvalue").GetProperty("prefix").GetString());
        var second = slider.GetProperty("steps")[1].GetProperty("args")[0].GetProperty("visible");
        Assert.Equal([false, false, true, true], second.EnumerateArray().Select(v => v.GetBoolean()));
    }

    [Fact]
    public void An_empty_slider_is_refused()
    {
        Assert.Throws<ArgumentException>(() => SliderChart.Paths(Bowl, []));
    }
}
