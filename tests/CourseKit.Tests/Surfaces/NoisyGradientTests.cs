using CourseKit.Optimizers;
using CourseKit.Surfaces;

namespace CourseKit.Tests.Surfaces;

public class NoisyGradientTests
{
    [Fact]
    public void The_same_seed_gives_the_same_noise_and_another_seed_other_noise()
    {
        var surface = new Rosenbrock();
        var a = new NoisyGradient(surface, 0.5, seed: 42);
        var b = new NoisyGradient(surface, 0.5, seed: 42);
        var c = new NoisyGradient(surface, 0.5, seed: 43);
        double[] ga = new double[2], gb = new double[2], gc = new double[2];
        bool anyDifferent = false;
        for (int i = 0; i < 50; i++)
        {
            double[] theta = [0.1 * i, -0.05 * i];
            Assert.Equal(a.LossAndGradient(theta, ga), b.LossAndGradient(theta, gb));
            Assert.Equal(ga, gb);
            c.LossAndGradient(theta, gc);
            anyDifferent |= gc[0] != ga[0] || gc[1] != ga[1];
        }

        Assert.True(anyDifferent);
    }

    [Fact]
    public void Scale_zero_gives_the_exact_gradient_and_the_loss_is_always_exact()
    {
        var surface = new Himmelblau();
        var exact = new NoisyGradient(surface, 0, seed: 7);
        var noisy = new NoisyGradient(surface, 3, seed: 7);
        double[] g = new double[2];
        foreach (double[] theta in new double[][] { [0, 0], [1.5, -2], [-3, 4] })
        {
            Assert.Equal(surface.Value(theta[0], theta[1]), exact.LossAndGradient(theta, g));
            Assert.Equal(surface.Gradient(theta[0], theta[1]), (g[0], g[1]));
            Assert.Equal(surface.Value(theta[0], theta[1]), noisy.LossAndGradient(theta, g));
            Assert.NotEqual(surface.Gradient(theta[0], theta[1]), (g[0], g[1]));
        }
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(2.5)]
    public void The_noise_has_mean_zero_and_standard_deviation_scale_per_component(double scale)
    {
        var surface = new Saddle();
        var noisy = new NoisyGradient(surface, scale, seed: 2026);
        const int n = 20_000;
        double[] theta = [0.3, -0.4], g = new double[2];
        var (ex, ey) = surface.Gradient(theta[0], theta[1]);
        double sumX = 0, sumY = 0, sumXX = 0, sumYY = 0, sumXY = 0;
        for (int i = 0; i < n; i++)
        {
            noisy.LossAndGradient(theta, g);
            double nx = g[0] - ex, ny = g[1] - ey;
            sumX += nx; sumY += ny; sumXX += nx * nx; sumYY += ny * ny; sumXY += nx * ny;
        }

        // Standard errors: mean σ/√n ≈ 0.007σ, std ≈ σ/√(2n) = 0.005σ; allow about 4 of them.
        Assert.Equal(0, sumX / n, 0.03 * scale);
        Assert.Equal(0, sumY / n, 0.03 * scale);
        Assert.Equal(scale, Math.Sqrt(sumXX / n), 0.02 * scale);
        Assert.Equal(scale, Math.Sqrt(sumYY / n), 0.02 * scale);
        Assert.Equal(0, sumXY / n / (scale * scale), 0.03);   // the two components are independent
    }

    [Fact]
    public void A_negative_or_non_finite_scale_is_rejected_by_name()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new NoisyGradient(new Saddle(), -1, 0));
        Assert.Equal("scale", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new NoisyGradient(new Saddle(), double.NaN, 0));
    }

    [Fact]
    public void It_plugs_into_an_optimizer_and_does_not_allocate_per_call()
    {
        var noisy = new NoisyGradient(new Quadratic(), 0.01, seed: 1);
        GradientFunction<double> f = noisy.LossAndGradient;
        double[] theta = [-9, 2], g = new double[2];
        var sgd = new Sgd<double>(0.05);
        for (int i = 0; i < 10; i++) sgd.Step(theta, g, f);   // warm up (JIT, optimizer state)
        Assert.Equal(0, SteadyStateAllocations.Measure(() =>
        {
            for (int i = 0; i < 1000; i++) f(theta, g);
        }));
        for (int i = 0; i < 500; i++) sgd.Step(theta, g, f);
        Assert.True(double.Hypot(theta[0], theta[1]) < 0.5, $"SGD on the noisy quadratic ended at ({theta[0]}, {theta[1]})");
    }
}
