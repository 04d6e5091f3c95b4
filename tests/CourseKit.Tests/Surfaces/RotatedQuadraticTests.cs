using CourseKit.Optimizers;
using CourseKit.Surfaces;
using CourseKit.Trajectories;

namespace CourseKit.Tests.Surfaces;

/// <summary>The quadratic turned by an angle: same bowl, other axes (issue 14 §3, "rotated ravines").</summary>
public class RotatedQuadraticTests
{
    [Theory]
    [InlineData(10, 0)]
    [InlineData(10, 30)]
    [InlineData(100, 45)]
    [InlineData(100, 90)]
    [InlineData(7.5, -120)]
    [InlineData(0.25, 200)]
    public void Hessian_has_eigenvalues_1_and_kappa_at_any_angle(double kappa, double angle)
    {
        var (min, max) = new Quadratic(kappa, angle).Hessian(1.3, -0.4).Eigenvalues;
        Assert.Equal(Math.Min(1, kappa), min, 1e-12 * Math.Max(1, kappa));
        Assert.Equal(Math.Max(1, kappa), max, 1e-12 * Math.Max(1, kappa));
    }

    [Theory]
    [InlineData(30)]
    [InlineData(45)]
    [InlineData(-70)]
    public void The_flat_eigenvector_points_along_the_angle(double angle)
    {
        var q = new Quadratic(50, angle);
        var (flat, _) = q.Hessian(0, 0).Eigenvectors;
        double radians = angle * Math.PI / 180;
        // An eigenvector's sign is arbitrary: compare |cos| of the angle between them.
        Assert.Equal(1, Math.Abs(flat.X * Math.Cos(radians) + flat.Y * Math.Sin(radians)), 1e-12);
    }

    [Fact]
    public void Zero_degrees_is_the_axis_aligned_quadratic_exactly()
    {
        var aligned = new Quadratic(100);
        var zero = new Quadratic(100, 0);
        Assert.Equal(aligned.Name, zero.Name);
        Assert.Equal(aligned.Formula, zero.Formula);
        Assert.Equal(aligned.SuggestedStart, zero.SuggestedStart);
        Assert.Equal(aligned.Window, zero.Window);
        Assert.True(zero.IsAxisAligned);
        foreach (var (x, y) in new[] { (-9.0, 2.0), (3.5, -0.25), (0.0, 0.0) })
        {
            Assert.Equal(aligned.Value(x, y), zero.Value(x, y));
            Assert.Equal(aligned.Gradient(x, y), zero.Gradient(x, y));
            Assert.Equal(aligned.Hessian(x, y), zero.Hessian(x, y));
        }
    }

    [Fact]
    public void Turning_the_point_with_the_ravine_leaves_the_value_unchanged()
    {
        var aligned = new Quadratic(20);
        var turned = new Quadratic(20, 35);
        var (s, c) = Math.SinCos(35 * Math.PI / 180);
        foreach (var (x, y) in new[] { (-9.0, 2.0), (3.5, -0.25), (1.0, 1.0) })
        {
            double xr = c * x - s * y, yr = s * x + c * y;
            Assert.Equal(aligned.Value(x, y), turned.Value(xr, yr), 1e-10 * (1 + aligned.Value(x, y)));
        }

        Assert.Equal(aligned.Value(aligned.SuggestedStart.X, aligned.SuggestedStart.Y),
            turned.Value(turned.SuggestedStart.X, turned.SuggestedStart.Y), 1e-10);
    }

    [Theory]
    [InlineData(45)]
    [InlineData(90)]
    [InlineData(-30)]
    public void The_minimum_is_zero_at_the_origin_with_zero_gradient(double angle)
    {
        var q = new Quadratic(100, angle);
        var minimum = Assert.Single(q.CriticalPoints);
        Assert.Equal((0.0, 0.0, CriticalPointKind.Minimum, 0.0), (minimum.X, minimum.Y, minimum.Kind, minimum.Value));
        Assert.Equal((0.0, 0.0), q.Gradient(0, 0));
        Assert.True(q.Value(0.1, -0.1) > 0);
    }

    [Fact]
    public void Only_multiples_of_90_degrees_are_axis_aligned()
    {
        Assert.True(new Quadratic(10, 90).IsAxisAligned);
        Assert.True(new Quadratic(10, 180).IsAxisAligned);
        Assert.False(new Quadratic(10, 45).IsAxisAligned);
        Assert.False(new Quadratic(10, 1).IsAxisAligned);
        Assert.True(new Quadratic(1, 45).IsAxisAligned);   // a round bowl has no axes to turn
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_non_finite_angle_throws_naming_it(double angle)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Quadratic(10, angle));
        Assert.Equal("angleDegrees", e.ParamName);
    }

    [Fact]
    public void SGD_does_not_see_the_rotation_but_AdaGrad_does()
    {
        // The lesson the angle exists for: a rotation-invariant method poses the same problem at every angle,
        // a per-coordinate method does not.
        var aligned = new Quadratic(100);
        var turned = new Quadratic(100, 45);
        double sgdAligned = Trajectory.Run(new Sgd<double>(0.015), aligned, aligned.SuggestedStart, 200).Last.Loss;
        double sgdTurned = Trajectory.Run(new Sgd<double>(0.015), turned, turned.SuggestedStart, 200).Last.Loss;
        Assert.Equal(sgdAligned, sgdTurned, 1e-9 * (1 + sgdAligned));

        double adaAligned = Trajectory.Run(new AdaGrad<double>(3), aligned, aligned.SuggestedStart, 200).Last.Loss;
        double adaTurned = Trajectory.Run(new AdaGrad<double>(3), turned, turned.SuggestedStart, 200).Last.Loss;
        Assert.True(adaTurned > 100 * adaAligned, $"AdaGrad: aligned {adaAligned}, turned {adaTurned}");
    }
}
