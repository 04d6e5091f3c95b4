using CourseKit.Clipping;
using CourseKit.Optimizers;
using CourseKit.Surfaces;

namespace CourseKit.Tests.Surfaces;

/// <summary>The lessons the surfaces exist to show.</summary>
public class SurfaceLessonTests
{
    [Fact]
    public void On_the_cliff_an_unclipped_step_flies_more_than_ten_times_farther_than_a_norm_clipped_one()
    {
        const double epsilon = 0.1, threshold = 1;
        var cliff = new Cliff();
        var start = cliff.SuggestedStart;
        double unclipped = StepLength(cliff, start, epsilon, GradientClipping.None);
        double clipped = StepLength(cliff, start, epsilon, GradientClipping.ByNorm(threshold));

        Assert.True(unclipped > 10 * clipped, $"unclipped {unclipped}, clipped {clipped}");
        Assert.Equal(epsilon * threshold, clipped, 1e-12);   // clipping bounds the step to εV
        Assert.True(unclipped > cliff.Window.Width, $"the unclipped step ({unclipped}) should leave the picture");
        // The start really is on the wall: its slope dwarfs the bowl's at the same distance from the minimum.
        var (gx, gy) = cliff.Gradient(start.X, start.Y);
        Assert.True(double.Hypot(gx, gy) > 20 * double.Hypot(start.X, start.Y));
    }

    [Fact]
    public void The_cliff_throws_an_unclipped_SGD_step_past_the_minimum_but_a_clipped_one_stays_near()
    {
        var cliff = new Cliff();
        double[] free = [cliff.SuggestedStart.X, cliff.SuggestedStart.Y], held = [.. free];
        var sgd = new Sgd<double>(0.1);
        var clippedSgd = new Sgd<double>(0.1) { Clipping = GradientClipping.ByNorm(1) };
        GradientFunction<double> f = cliff.LossAndGradient;
        sgd.Step(free, new double[2], f);
        clippedSgd.Step(held, new double[2], f);
        Assert.True(free[0] < -5, $"unclipped landed at x = {free[0]}");
        Assert.True(held[0] > 1.8 && held[0] < cliff.SuggestedStart.X, $"clipped landed at x = {held[0]}");
    }

    [Fact]
    public void The_plateau_start_has_a_tiny_gradient_compared_with_the_slope_near_the_minimum()
    {
        var plateau = new Plateau();
        var (sx, sy) = plateau.SuggestedStart;
        double far = Norm(plateau.Gradient(sx, sy));
        double near = Norm(plateau.Gradient(0.5, 0.5));
        Assert.True(far < 1e-3 * near, $"‖∇f‖ = {far} on the plateau, {near} near the minimum");
        Assert.True(plateau.Value(sx, sy) > 0.99, "the start should be up on the plateau, f ≈ 1");
        // And so plain gradient descent with a reasonable ε hardly moves in 100 steps.
        double x = sx, y = sy;
        for (int k = 0; k < 100; k++)
        {
            var (gx, gy) = plateau.Gradient(x, y);
            (x, y) = (x - 0.1 * gx, y - 0.1 * gy);
        }

        Assert.True(double.Hypot(x - sx, y - sy) < 0.01);
    }

    [Fact]
    public void The_quadratic_has_condition_number_kappa()
    {
        Assert.Equal(10, new Quadratic().Hessian(3, -1).ConditionNumber, 1e-12);
        Assert.Equal(250, new Quadratic(250).Hessian(0, 0).ConditionNumber, 1e-9);
    }

    [Fact]
    public void SGD_near_the_stability_limit_zig_zags_across_the_quadratic_ravine()
    {
        var q = new Quadratic();
        double x = q.SuggestedStart.X, y = q.SuggestedStart.Y, epsilon = 1.9 / q.Kappa;
        int signChanges = 0;
        for (int k = 0; k < 20; k++)
        {
            var (gx, gy) = q.Gradient(x, y);
            double newY = y - epsilon * gy;
            if (Math.Sign(newY) != Math.Sign(y)) signChanges++;
            (x, y) = (x - epsilon * gx, newY);
        }

        Assert.Equal(20, signChanges);                    // y flips across the ravine every step
        Assert.True(Math.Abs(y) < Math.Abs(q.SuggestedStart.Y));   // yet, below 2/κ, it still converges
        // One step more than 2/κ and the same path explodes instead.
        y = q.SuggestedStart.Y;
        for (int k = 0; k < 20; k++) y -= 2.1 / q.Kappa * q.Gradient(0, y).Y;
        Assert.True(Math.Abs(y) > 2 * Math.Abs(q.SuggestedStart.Y));
    }

    private static double StepLength(Surface surface, (double X, double Y) start, double epsilon, GradientClipping clipping)
    {
        Span<double> g = stackalloc double[2];
        surface.LossAndGradient([start.X, start.Y], g);
        clipping.Apply(g);
        return epsilon * GradientClipping.Norm<double>(g);
    }

    private static double Norm((double X, double Y) v) => double.Hypot(v.X, v.Y);
}
