using CourseKit.Analysis;
using CourseKit.Optimizers;

namespace CourseKit.Tests.Analysis;

public class ContractionRateTests
{
    [Fact]
    public void A_geometric_sequence_contracts_by_its_ratio_even_when_it_alternates()
    {
        double[] xs = Enumerable.Range(0, 30).Select(k => Math.Pow(-0.7, k)).ToArray();
        Assert.Equal(0.7, ContractionRate.Measure(xs, 1, 29), 12);
        Assert.Equal(0.7, ContractionRate.Measure(xs, 5, 6), 12);
    }

    [Fact]
    public void A_spiral_that_passes_through_zero_is_still_measured()
    {
        // x_k = r^k cos(kπ/2): x is exactly 0 at every odd k, the pair (x_k, x_{k−1}) never is.
        double[] xs = Enumerable.Range(0, 41).Select(k => Math.Pow(0.9, k) * Math.Round(Math.Cos(k * Math.PI / 2))).ToArray();
        Assert.Equal(0.9, ContractionRate.Measure(xs, 2, 40), 12);
    }

    [Fact]
    public void Iterates_start_at_the_start_and_reset_the_optimizer()
    {
        var optimizer = new Momentum<double>(0.01, 0.9);
        double[] first = ContractionRate.Iterates(optimizer, 10, 20, start: 2);
        double[] again = ContractionRate.Iterates(optimizer, 10, 20, start: 2);
        Assert.Equal(21, first.Length);
        Assert.Equal(2, first[0]);
        Assert.Equal(first, again);
    }

    [Fact]
    public void Bad_windows_and_runs_are_refused_by_name()
    {
        double[] xs = [1, 0.5, 0.25, 0.125];
        Assert.Equal("from", Assert.Throws<ArgumentOutOfRangeException>(() => ContractionRate.Measure(xs, 0, 2)).ParamName);
        Assert.Equal("to", Assert.Throws<ArgumentOutOfRangeException>(() => ContractionRate.Measure(xs, 2, 2)).ParamName);
        Assert.Equal("to", Assert.Throws<ArgumentOutOfRangeException>(() => ContractionRate.Measure(xs, 1, 4)).ParamName);
        Assert.Equal("iterates", Assert.Throws<ArgumentException>(() => ContractionRate.Measure([0, 0, 1], 1, 2)).ParamName);
        Assert.Equal("iterates", Assert.Throws<ArgumentException>(() => ContractionRate.Measure([1, double.PositiveInfinity, 1], 1, 2)).ParamName);
        var sgd = new Sgd<double>(0.1);
        Assert.Equal("curvature", Assert.Throws<ArgumentOutOfRangeException>(() => ContractionRate.Iterates(sgd, 0, 5)).ParamName);
        Assert.Equal("steps", Assert.Throws<ArgumentOutOfRangeException>(() => ContractionRate.Iterates(sgd, 1, 0)).ParamName);
        Assert.Equal("start", Assert.Throws<ArgumentOutOfRangeException>(() => ContractionRate.Iterates(sgd, 1, 5, double.NaN)).ParamName);
    }

    [Fact]
    public void A_spectrum_needs_zero_below_mu_below_l()
    {
        Assert.Equal(100, new Spectrum(1, 100).ConditionNumber);
        Assert.Equal("smallest", Assert.Throws<ArgumentOutOfRangeException>(() => new Spectrum(0, 1)).ParamName);
        Assert.Equal("largest", Assert.Throws<ArgumentOutOfRangeException>(() => new Spectrum(2, 1)).ParamName);
        Assert.Equal("largest", Assert.Throws<ArgumentOutOfRangeException>(() => new Spectrum(1, double.PositiveInfinity)).ParamName);
        Assert.Equal(double.PositiveInfinity, new TunedRate(0.1, 0, 1).StepsPerTenfold);
        Assert.Equal(Math.Log(10) / -Math.Log(0.9), new TunedRate(0.1, 0.5, 0.9).StepsPerTenfold, 12);
    }
}
