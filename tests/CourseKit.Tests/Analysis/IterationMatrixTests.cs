using System.Numerics;
using CourseKit.Analysis;

namespace CourseKit.Tests.Analysis;

public class IterationMatrixTests
{
    [Theory]
    [InlineData(0.7, 0.9, 0.2, 0.3)]   // real, distinct
    [InlineData(0.3, -0.8, 0.9, 0.1)]  // complex pair
    [InlineData(-0.2, 0.5, -0.4, -0.5)]
    [InlineData(1e-9, 1, 1e3, 1e-9)]   // widely separated roots
    public void Eigenvalues_satisfy_the_characteristic_equation(double a, double b, double c, double d)
    {
        var m = new IterationMatrix(a, b, c, d);
        var (z1, z2) = m.Eigenvalues;
        foreach (var z in new[] { z1, z2 })
        {
            Complex p = z * z - m.Trace * z + m.Determinant;
            Assert.True(p.Magnitude < 1e-9 * (1 + m.Trace * m.Trace + Math.Abs(m.Determinant)), $"p({z}) = {p}");
        }

        Assert.True(z1.Magnitude >= z2.Magnitude);
        Assert.Equal(m.Trace, (z1 + z2).Real, 9);
        Assert.Equal(m.Determinant, (z1 * z2).Real, 9);
        Assert.Equal(z1.Magnitude, m.SpectralRadius, 12);
        Assert.Equal(m.Discriminant < 0, m.HasComplexEigenvalues);
        Assert.Equal(m.HasComplexEigenvalues, z1.Imaginary != 0);
    }

    [Fact]
    public void Apply_is_the_matrix_times_the_state()
    {
        var m = new IterationMatrix(1, 2, 3, 4);
        Assert.Equal((1 * 5.0 + 2 * 7.0, 3 * 5.0 + 4 * 7.0), m.Apply(5, 7));
    }

    [Fact]
    public void A_rotation_turns_by_its_angle_and_a_negative_real_root_flips_every_step()
    {
        double angle = 0.4, r = 0.8;
        var spiral = new IterationMatrix(r * Math.Cos(angle), -r * Math.Sin(angle), r * Math.Sin(angle), r * Math.Cos(angle));
        Assert.True(spiral.HasComplexEigenvalues);
        Assert.Equal(angle, spiral.Angle, 12);
        Assert.Equal(r, spiral.SpectralRadius, 12);
        Assert.Equal(angle / Math.PI, spiral.SignChangesPerStep, 12);

        var flip = new IterationMatrix(-0.6, 0, 0, 0.3);
        Assert.Equal(1.0, flip.SignChangesPerStep, 12);
        Assert.Equal(0.6, flip.SpectralRadius, 12);
        var creep = new IterationMatrix(0.6, 0, 0, -0.3);
        Assert.Equal(0.0, creep.SignChangesPerStep, 12);
    }
}
