using CourseKit.Lab;

namespace CourseKit.Tests.Lab;

public class StatisticsTests
{
    [Theory]
    [InlineData(1, 12.7062047)]
    [InlineData(2, 4.30265273)]
    [InlineData(4, 2.77644511)]
    [InlineData(10, 2.22813885)]
    [InlineData(30, 2.04227246)]
    [InlineData(1000, 1.96233908)]
    public void The_975_quantile_matches_the_tables(int degrees, double expected)
    {
        Assert.Equal(expected, StudentT.Quantile(0.975, degrees), 6);
        Assert.Equal(-expected, StudentT.Quantile(0.025, degrees), 6);
        Assert.Equal(0.975, StudentT.Cdf(expected, degrees), 8);
    }

    [Fact]
    public void The_cdf_is_a_half_at_zero_and_symmetric()
    {
        Assert.Equal(0.5, StudentT.Cdf(0, 3), 12);
        Assert.Equal(1, StudentT.Cdf(1.5, 3) + StudentT.Cdf(-1.5, 3), 12);
        Assert.Equal(0.5 + Math.Atan(1.0) / Math.PI, StudentT.Cdf(1, 1), 10); // Cauchy: 1/2 + atan(t)/π
    }

    [Fact]
    public void A_t_interval_is_the_mean_plus_minus_t_times_the_standard_error()
    {
        var c = ConfidenceInterval.Of([1.0, 2.0, 3.0]);
        Assert.Equal(2, c.Mean, 12);
        Assert.Equal(4.30265273 / Math.Sqrt(3), c.HalfWidth, 6); // s = 1
        Assert.True(c.Contains(0) == (c.Low <= 0));
        Assert.False(ConfidenceInterval.Of([5.0]).HasWidth);
        Assert.False(ConfidenceInterval.Of([5.0]).Contains(5));
        Assert.False(ConfidenceInterval.Of([1.0, double.PositiveInfinity]).HasWidth);
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        Assert.Equal("p", Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Quantile(1, 3)).ParamName);
        Assert.Equal("degreesOfFreedom", Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Cdf(1, 0)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => ConfidenceInterval.Of([])).ParamName);
        Assert.Equal("level", Assert.Throws<ArgumentOutOfRangeException>(() => ConfidenceInterval.Of([1.0, 2.0], 1.5)).ParamName);
    }
}
