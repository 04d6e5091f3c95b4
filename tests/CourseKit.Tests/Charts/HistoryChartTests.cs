using CourseKit.Charts;

namespace CourseKit.Tests.Charts;

public class HistoryChartTests
{
    [Fact]
    public void Each_series_is_one_line_with_its_values_and_step_index()
    {
        double[] sgd = [4, 2, 1, 0.5];
        double[] adam = [4, 1, 0.25];
        var traces = ChartJson.Traces(HistoryChart.Create("loss", ("SGD", sgd), ("Adam", adam)));

        Assert.Equal(2, traces.Length);
        Assert.Equal("SGD", traces[0].GetProperty("name").GetString());
        Assert.Equal(sgd, ChartJson.Numbers(traces[0].GetProperty("y")));
        Assert.Equal([0.0, 1, 2, 3], ChartJson.Numbers(traces[0].GetProperty("x")));
        Assert.Equal("Adam", traces[1].GetProperty("name").GetString());
        Assert.Equal(adam, ChartJson.Numbers(traces[1].GetProperty("y")));
    }

    [Fact]
    public void The_y_axis_is_logarithmic_by_default_and_linear_on_request()
    {
        var log = ChartJson.Layout(HistoryChart.Create([("a", [1.0, 0.1])]));
        var linear = ChartJson.Layout(HistoryChart.Create([("a", [1.0, -1.0])], logY: false, yTitle: "x"));

        Assert.Equal("log", log.GetProperty("yaxis").GetProperty("type").GetString());
        Assert.False(linear.GetProperty("yaxis").TryGetProperty("type", out _));
        Assert.Equal("x", linear.GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void A_log_axis_refuses_values_it_cannot_show()
    {
        var e = Assert.Throws<ArgumentException>(() => HistoryChart.Create([("diverged", [1.0, 0.0])]));
        Assert.Contains("diverged", e.Message);
        Assert.Contains("logY: false", e.Message);
    }
}
