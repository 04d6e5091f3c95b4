using CourseKit.Clipping;
using CourseKit.Optimizers;
using CourseKit.Tests.Optimizers;

namespace CourseKit.Tests.Clipping;

/// <summary>Clipping acts on ĝ before the rule (for Nesterov, on the gradient at θ̃).</summary>
public class ClippingThroughOptimizerTests
{
    // Gradients (4, −1, 16) at θ₀: some components beyond the thresholds used below, some not.
    private static readonly DiagonalQuadratic Problem = new(4, 0.5, 32);
    private static readonly double[] Theta0 = [1, -2, 0.5];

    [Fact]
    public void Sgd_with_clip_by_value_steps_by_epsilon_times_the_clipped_gradient()
    {
        var sgd = new Sgd<double>(0.1) { Clipping = GradientClipping.ByValue(2) };
        double[] θ = (double[])Theta0.Clone();
        sgd.Step(θ, new double[3], Problem.For<double>());
        // clip(ĝ) = (2, −1, 2): θ₁ = θ₀ − 0.1·clip(ĝ)
        Assert.Equal([0.8, -1.9, 0.3], θ, (a, b) => Math.Abs(a - b) < 1e-15);
        Assert.Equal(Math.Sqrt(16 + 1 + 256), sgd.LastGradientNorm, 1e-13); // measured before clipping
    }

    [Fact]
    public void Sgd_with_clip_by_norm_steps_by_epsilon_times_the_rescaled_gradient()
    {
        var sgd = new Sgd<double>(0.1) { Clipping = GradientClipping.ByNorm(1) };
        double[] θ = (double[])Theta0.Clone();
        sgd.Step(θ, new double[3], Problem.For<double>());
        double norm = Math.Sqrt(16 + 1 + 256);
        double[] expected = [1 - 0.1 * 4 / norm, -2 + 0.1 * 1 / norm, 0.5 - 0.1 * 16 / norm];
        Near.Equal(expected, θ, 1e-15, "SGD with clip by norm");
        Assert.Equal(norm, sgd.LastGradientNorm, 1e-13);
    }

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (string name in OptimizerFactory.Names)
            for (int c = 0; c < 2; c++) data.Add(name, c);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_optimizer_applies_clipping_to_the_gradient_it_evaluates_before_its_rule(string name, int clip)
    {
        var settings = OptimizerCases.First(name);
        var clipping = clip == 0 ? GradientClipping.ByValue(1.5) : GradientClipping.ByNorm(2);
        var reference = clip == 0 ? new ScalarReference(name, settings) { ClipValue = 1.5 } : new ScalarReference(name, settings) { ClipNorm = 2 };
        var expected = Trajectory.Reference(reference, Theta0, Problem.Gradient, 5);
        foreach (var (actual, tolerance) in new[]
                 {
                     (Trajectory.Library(OptimizerFactory.Create<double>(name, settings with { Clipping = clipping }), Theta0, Problem.For<double>(), 5), 1e-13),
                     (Trajectory.Library(OptimizerFactory.Create<float>(name, settings with { Clipping = clipping }), Theta0, Problem.For<float>(), 5), 1e-5),
                 })
            for (int k = 0; k < 5; k++)
                Near.Equal(expected[k], actual[k], tolerance, $"{name} with {clipping}, step {k + 1}");
        // And clipping made a difference, so the comparison above tested something.
        var unclipped = Trajectory.Reference(new ScalarReference(name, settings), Theta0, Problem.Gradient, 5);
        Assert.NotEqual(unclipped[4], expected[4]);
    }
}
