using CourseKit.Notebooks;
using CourseKit.Optimizers;

namespace CourseKit.Tests.Notebooks;

public class ConstantSlopeTests
{
    [Fact]
    public void SGD_steps_are_epsilon_times_the_gradient_every_time()
    {
        double[] steps = ConstantSlope.StepLengths(new Sgd<double>(0.1), -3, 5);
        Assert.All(steps, s => Assert.Equal(0.3, s, 1e-15));
    }

    [Fact]
    public void AdaGrad_steps_decay_like_one_over_root_k()
    {
        // r_k = k·g², so |Δθ_k| = ε|g|/(δ + |g|√k); with δ = 0 exactly ε/√k.
        double[] steps = ConstantSlope.StepLengths(new AdaGrad<double>(0.1, delta: 0), 2, 100);
        Assert.Equal(0.1, steps[0], 1e-15);
        Assert.Equal(0.1 / 10, steps[99], 1e-15);
    }

    [Fact]
    public void Adams_first_step_is_epsilon_whatever_the_gradient()
    {
        Assert.Equal(0.01, ConstantSlope.FirstStep(new Adam<double>(0.01), 250), 1e-9);
        Assert.Equal(0.01, ConstantSlope.FirstStep(new Adam<double>(0.01), -0.5), 1e-6);
    }

    [Fact]
    public void AdaDeltas_first_step_is_about_root_delta_over_one_minus_rho()
    {
        double first = ConstantSlope.FirstStep(new AdaDelta<double>(delta: 1e-6), 3);
        Assert.Equal(Math.Sqrt(1e-6) * 3 / Math.Sqrt(0.05 * 9 + 1e-6), first, 1e-15);
    }

    [Fact]
    public void Bad_arguments_throw_naming_them()
    {
        Assert.Equal("gradient", Assert.Throws<ArgumentOutOfRangeException>(() => ConstantSlope.StepLengths(new Sgd<double>(), double.NaN, 3)).ParamName);
        Assert.Equal("steps", Assert.Throws<ArgumentOutOfRangeException>(() => ConstantSlope.StepLengths(new Sgd<double>(), 1, 0)).ParamName);
        Assert.Throws<ArgumentNullException>(() => ConstantSlope.FirstStep(null!, 1));
    }
}
