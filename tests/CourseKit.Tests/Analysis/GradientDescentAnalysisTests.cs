using CourseKit.Analysis;
using CourseKit.Optimizers;

namespace CourseKit.Tests.Analysis;

public class GradientDescentAnalysisTests
{
    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 3)]
    public void The_best_constant_step_balances_the_ends_at_kappa_minus_one_over_kappa_plus_one(double mu, double largest)
    {
        var spectrum = new Spectrum(mu, largest);
        var best = GradientDescentAnalysis.Optimal(spectrum);
        double k = largest / mu;
        Assert.Equal(2 / (largest + mu), best.LearningRate, 12);
        Assert.Equal((k - 1) / (k + 1), best.Rate, 12);
        Assert.Equal(best.Rate, GradientDescentAnalysis.Rate(best.LearningRate, spectrum), 12);
        for (double f = 0.9; f <= 1.1; f += 0.01)
            Assert.True(GradientDescentAnalysis.Rate(best.LearningRate * f, spectrum) >= best.Rate - 1e-12);
    }

    [Fact]
    public void Sgd_on_a_line_contracts_by_one_minus_eps_lambda()
    {
        double[] xs = ContractionRate.Iterates(new Sgd<double>(0.019), 100, 50);
        Assert.Equal(0.9, ContractionRate.Measure(xs, 1, 50), 10);
        Assert.Equal(0.9, GradientDescentAnalysis.SpectralRadius(0.019, 100), 12);
    }
}
