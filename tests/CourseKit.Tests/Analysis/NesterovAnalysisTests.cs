using CourseKit.Analysis;

namespace CourseKit.Tests.Analysis;

/// <summary>The closed forms of Nesterov's 2×2 iteration, and the numbers notebook 09 explains with them.</summary>
public class NesterovAnalysisTests
{
    [Theory]
    [InlineData(0.012, 0.9, 100)]
    [InlineData(0.012, 0.9, 1)]
    [InlineData(0.001, 0.3, 7)]
    public void Trace_and_determinant_carry_one_minus_h(double eps, double alpha, double lambda)
    {
        double h = eps * lambda;
        var m = NesterovAnalysis.Matrix(eps, alpha, lambda);
        Assert.Equal((1 + alpha) * (1 - h), m.Trace, 12);
        Assert.Equal(alpha * (1 - h), m.Determinant, 12);
    }

    [Fact]
    public void At_h_above_one_the_roots_are_real_with_opposite_signs_and_the_sign_flips_every_step()
    {
        var m = NesterovAnalysis.Matrix(0.012, 0.9, 100);
        Assert.False(m.HasComplexEigenvalues);
        var (dominant, other) = m.Eigenvalues;
        // z² + 0.38z − 0.18 = 0
        Assert.Equal((-0.38 - Math.Sqrt(0.38 * 0.38 + 0.72)) / 2, dominant.Real, 12);
        Assert.Equal((-0.38 + Math.Sqrt(0.38 * 0.38 + 0.72)) / 2, other.Real, 12);
        Assert.Equal(1.0, m.SignChangesPerStep, 12);
        Assert.True(m.SpectralRadius < MomentumAnalysis.SpectralRadius(0.012, 0.9, 100));
    }

    [Fact]
    public void Critical_damping_is_one_minus_root_h_over_one_plus_root_h()
    {
        Assert.Equal(0.7 / 1.3, NesterovAnalysis.CriticalMomentum(0.09), 12);
        Assert.Equal("stepTimesCurvature", Assert.Throws<ArgumentOutOfRangeException>(() => NesterovAnalysis.CriticalMomentum(1)).ParamName);
    }

    [Fact]
    public void Its_stable_range_is_narrower_than_classical_momentum()
    {
        foreach (double alpha in new[] { 0.1, 0.5, 0.9 })
            Assert.True(NesterovAnalysis.LargestStableLearningRate(alpha, 100) < MomentumAnalysis.LargestStableLearningRate(alpha, 100));
        Assert.Equal(2 * 1.9 / 2.8 / 100, NesterovAnalysis.LargestStableLearningRate(0.9, 100), 12);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(1e4)]
    public void The_tuned_pair_sits_between_the_heavy_ball_and_gradient_descent(double kappa)
    {
        var spectrum = new Spectrum(1, kappa);
        var best = NesterovAnalysis.Optimal(spectrum);
        Assert.Equal(1 - 2 / Math.Sqrt(3 * kappa + 1), best.Rate, 12);
        Assert.True(best.Rate >= MomentumAnalysis.Optimal(spectrum).Rate - 1e-12);
        Assert.True(best.Rate <= GradientDescentAnalysis.Optimal(spectrum).Rate + 1e-12);
    }
}
