using CourseKit.Charts;

namespace CourseKit.Tests.Charts;

public class PathGroupSliderTests
{
    private static readonly SurfaceGrid Bowl = SurfaceGrid.Sample((x, y) => x * x + y * y, -1, 1, -1, 1, resolution: 11);

    private static ChartPath Path(string name, int points) =>
        new(name, Enumerable.Range(0, points).Select(i => 1.0 / (i + 1)).ToArray(), new double[points]);

    [Fact]
    public void Each_step_shows_the_contour_and_its_whole_group_in_the_same_colours()
    {
        var groups = new (string, IReadOnlyList<ChartPath>)[]
        {
            ("0.5", [Path("momentum", 3), Path("nesterov", 4)]),
            ("0.9", [Path("momentum", 5), Path("nesterov", 6)]),
        };
        var chart = PathGroupSlider.Create(Bowl, groups, [new MarkedPoint("min", 0, 0)], prefix: "α = ");
        var traces = ChartJson.Traces(chart);
        var slider = ChartJson.Layout(chart).GetProperty("sliders")[0];
        var steps = slider.GetProperty("steps").EnumerateArray().ToArray();

        Assert.Equal(6, traces.Length); // contour, marked points, two groups of two
        Assert.Equal([3, 4, 5, 6], traces.Skip(2).Select(t => t.GetProperty("x").GetArrayLength()));
        Assert.Equal(traces[2].GetProperty("line").GetProperty("color").GetString(), traces[4].GetProperty("line").GetProperty("color").GetString());
        Assert.NotEqual(traces[2].GetProperty("line").GetProperty("color").GetString(), traces[3].GetProperty("line").GetProperty("color").GetString());
        Assert.Equal("α = ", slider.GetProperty("currentvalue").GetProperty("prefix").GetString());
        Assert.Equal(["0.5", "0.9"], steps.Select(s => s.GetProperty("label").GetString()));
        bool[] second = steps[1].GetProperty("args")[0].GetProperty("visible").EnumerateArray().Select(v => v.GetBoolean()).ToArray();
        Assert.Equal([true, true, false, false, true, true], second);
    }

    [Fact]
    public void No_groups_is_refused()
    {
        Assert.Throws<ArgumentException>(() => PathGroupSlider.Create(Bowl, []));
    }
}
