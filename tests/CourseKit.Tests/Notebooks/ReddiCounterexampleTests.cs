using CourseKit.Notebooks;

namespace CourseKit.Tests.Notebooks;

public class ReddiCounterexampleTests
{
    [Theory]
    [InlineData(3.0)]
    [InlineData(4.0)]
    public void Adam_ends_at_the_wrong_end_and_AmsGrad_near_the_best_point(double c)
    {
        var problem = new ReddiCounterexample(c);
        Assert.Equal(1, problem.Run(amsGrad: false, 3000).X[^1], 6);
        Assert.True(problem.Run(amsGrad: true, 3000).X[^1] < -0.9);
    }

    [Fact]
    public void AmsGrads_uncorrected_maximum_never_decreases_but_its_corrected_rate_can_rise_by_at_most_one_over_root_one_minus_rho2()
    {
        var problem = new ReddiCounterexample();
        var (_, rate, second) = problem.Run(amsGrad: true, 300);
        Assert.All(second.Zip(second.Skip(1)), p => Assert.True(p.Second >= p.First));
        double rise = rate.Zip(rate.Skip(1)).Max(p => p.Second / p.First);
        Assert.True(rise > 1, $"rise {rise}");
        Assert.True(rise <= 1 / Math.Sqrt(1 - problem.Rho2) + 1e-12, $"rise {rise}");
    }

    [Fact]
    public void The_gradient_follows_the_three_step_period()
    {
        var problem = new ReddiCounterexample(3);
        Assert.Equal([3.0, -1, -1, 3], new[] { 1L, 2, 3, 4 }.Select(problem.Gradient));
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(double.NaN)]
    public void C_must_exceed_two(double c) =>
        Assert.Equal("c", Assert.Throws<ArgumentOutOfRangeException>(() => new ReddiCounterexample(c)).ParamName);
}
