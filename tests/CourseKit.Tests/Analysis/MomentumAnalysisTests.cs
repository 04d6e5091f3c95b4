using CourseKit.Analysis;

namespace CourseKit.Tests.Analysis;

/// <summary>The closed forms of classical momentum's 2×2 iteration.</summary>
public class MomentumAnalysisTests
{
    [Theory]
    [InlineData(0.019, 0.9, 100)]
    [InlineData(0.012, 0.9, 1)]
    [InlineData(0.001, 0.3, 7)]
    public void Trace_and_determinant_are_one_plus_alpha_minus_h_and_alpha(double eps, double alpha, double lambda)
    {
        var m = MomentumAnalysis.Matrix(eps, alpha, lambda);
        Assert.Equal(1 + alpha - eps * lambda, m.Trace, 12);
        Assert.Equal(alpha, m.Determinant, 12);
        if (m.HasComplexEigenvalues) Assert.Equal(Math.Sqrt(alpha), m.SpectralRadius, 12);
    }

    [Fact]
    public void The_ravine_of_notebook_09_spirals_at_modulus_root_alpha()
    {
        var m = MomentumAnalysis.Matrix(0.012, 0.9, 100);
        Assert.True(m.HasComplexEigenvalues);
        Assert.Equal(Math.Sqrt(0.9), m.SpectralRadius, 12);
        Assert.Equal(Math.Acos(0.7 / (2 * Math.Sqrt(0.9))), m.Angle, 12);
    }

    [Fact]
    public void Critical_damping_is_one_minus_root_h_squared_and_has_a_double_root_there()
    {
        Assert.Equal(Math.Pow(1 - 0.3, 2), MomentumAnalysis.CriticalMomentum(0.09), 12);
        Assert.Equal(0, MomentumAnalysis.CriticalMomentum(1), 12);
        Assert.Equal(Math.Pow(Math.Sqrt(3) - 1, 2), MomentumAnalysis.CriticalMomentum(3), 12);
        var m = MomentumAnalysis.Matrix(0.09, MomentumAnalysis.CriticalMomentum(0.09), 1);
        Assert.Equal(0.7, m.SpectralRadius, 6);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 100)]
    [InlineData(0.5, 1000)]
    public void The_optimal_pair_is_the_closed_form_and_beats_gradient_descent(double mu, double largest)
    {
        var spectrum = new Spectrum(mu, largest);
        double k = spectrum.ConditionNumber, root = Math.Sqrt(k);
        var best = MomentumAnalysis.Optimal(spectrum);
        Assert.Equal(4 / Math.Pow(Math.Sqrt(largest) + Math.Sqrt(mu), 2), best.LearningRate, 12);
        Assert.Equal(Math.Pow((root - 1) / (root + 1), 2), best.Momentum, 12);
        Assert.Equal((root - 1) / (root + 1), best.Rate, 12);
        // Both ends sit exactly at critical damping.
        Assert.Equal(best.Momentum, MomentumAnalysis.CriticalMomentum(best.LearningRate * mu), 9);
        if (k > 1)
        {
            Assert.Equal(best.Momentum, MomentumAnalysis.CriticalMomentum(best.LearningRate * largest), 9);
            Assert.True(best.Rate < GradientDescentAnalysis.Optimal(spectrum).Rate);
        }
    }

    [Fact]
    public void With_alpha_zero_it_is_gradient_descent()
    {
        foreach (double eps in new[] { 0.001, 0.01, 0.019, 0.025 })
            Assert.Equal(GradientDescentAnalysis.SpectralRadius(eps, 100), MomentumAnalysis.SpectralRadius(eps, 0, 100), 12);
    }

    // The terminal step and the ramp up to it, against momentum actually run on a plane J = ‖g‖·x.
    [Theory]
    [InlineData(0.01, 0.9, 1.0)]
    [InlineData(0.01, 0.95, 2.0)]
    [InlineData(0.1, 0.5, 0.3)]
    [InlineData(0.1, 0.0, 0.3)]
    public void The_terminal_step_and_the_ramp_match_a_run_on_a_plane(double eps, double alpha, double slope)
    {
        var optimizer = new CourseKit.Optimizers.Momentum<double>(eps, alpha);
        double[] theta = [0], g = new double[1];
        var lengths = new List<double>();
        for (int k = 0; k < 3000; k++)
        {
            double before = theta[0];
            optimizer.Step(theta, g, (θ, gradient) => { gradient[0] = slope; return slope * θ[0]; });
            lengths.Add(Math.Abs(theta[0] - before));
        }

        double terminal = MomentumAnalysis.TerminalStep(eps, alpha, slope);
        Assert.Equal(terminal, lengths[^1], 9);
        foreach (double fraction in new[] { 0.5, 0.9, 0.99 })
            Assert.Equal(1 + lengths.FindIndex(s => s >= fraction * terminal * (1 - 1e-12)), MomentumAnalysis.StepsToReach(fraction, alpha));
    }

    [Fact]
    public void The_ramp_refuses_fractions_outside_zero_one()
    {
        Assert.Equal(22, MomentumAnalysis.StepsToReach(0.9, 0.9));
        Assert.Equal(2, MomentumAnalysis.StepsToReach(0.75, 0.5));
        Assert.Equal("fraction", Assert.Throws<ArgumentOutOfRangeException>(() => MomentumAnalysis.StepsToReach(1, 0.9)).ParamName);
        Assert.Equal("gradientNorm", Assert.Throws<ArgumentOutOfRangeException>(() => MomentumAnalysis.TerminalStep(0.1, 0.9, -1)).ParamName);
    }
}
