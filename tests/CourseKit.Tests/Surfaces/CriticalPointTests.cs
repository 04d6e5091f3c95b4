using CourseKit.Surfaces;

namespace CourseKit.Tests.Surfaces;

public class CriticalPointTests
{
    [Theory]
    [MemberData(nameof(SurfaceDerivativeTests.Specs), MemberType = typeof(SurfaceDerivativeTests))]
    public void Every_critical_point_has_zero_gradient_and_the_kind_its_Hessian_says(string spec)
    {
        var surface = SurfaceCatalog.Create(spec);
        Assert.NotEmpty(surface.CriticalPoints);
        foreach (var p in surface.CriticalPoints)
        {
            var (gx, gy) = surface.Gradient(p.X, p.Y);
            Assert.True(double.Hypot(gx, gy) <= 1e-9, $"{spec}: ‖∇f‖ = {double.Hypot(gx, gy)} at {p}");
            Assert.Equal(CriticalPoint.Classify(surface.Hessian(p.X, p.Y)), p.Kind);
            Assert.Equal(surface.Value(p.X, p.Y), p.Value);
        }
    }

    [Theory]
    [MemberData(nameof(SurfaceDerivativeTests.Specs), MemberType = typeof(SurfaceDerivativeTests))]
    public void Critical_points_are_distinct(string spec)
    {
        var points = SurfaceCatalog.Create(spec).CriticalPoints;
        for (int i = 0; i < points.Count; i++)
            for (int j = i + 1; j < points.Count; j++)
                Assert.True(double.Hypot(points[i].X - points[j].X, points[i].Y - points[j].Y) > 1e-3, $"{points[i]} and {points[j]}");
    }

    [Theory]
    [MemberData(nameof(SurfaceDerivativeTests.Specs), MemberType = typeof(SurfaceDerivativeTests))]
    public void No_point_of_a_fine_grid_near_a_minimum_is_lower_than_it(string spec)
    {
        var surface = SurfaceCatalog.Create(spec);
        foreach (var p in surface.CriticalPoints.Where(p => p.Kind == CriticalPointKind.Minimum))
            for (int i = -5; i <= 5; i++)
                for (int j = -5; j <= 5; j++)
                    Assert.True(surface.Value(p.X + 0.01 * i, p.Y + 0.01 * j) >= p.Value, $"{spec}: lower than {p} next to it");
    }

    [Fact]
    public void Himmelblau_has_four_minima_of_value_zero_one_maximum_and_four_saddles()
    {
        var points = new Himmelblau().CriticalPoints;
        var minima = points.Where(p => p.Kind == CriticalPointKind.Minimum).ToList();
        Assert.Equal(4, minima.Count);
        Assert.All(minima, m => Assert.True(m.Value <= 1e-20, $"{m}"));
        var maximum = Assert.Single(points, p => p.Kind == CriticalPointKind.Maximum);
        Assert.Equal(181.6165, maximum.Value, 0.001);
        Assert.Equal(4, points.Count(p => p.Kind == CriticalPointKind.Saddle));
        // Each polished point is the textbook one to its 6 decimals (polishing did not wander to another point).
        (double X, double Y)[] textbook =
        [
            (3, 2), (-2.805118, 3.131312), (-3.779310, -3.283186), (3.584428, -1.848126), (-0.270845, -0.923039),
            (0.086678, 2.884255), (-3.073026, -0.081353), (3.385154, 0.073852), (-0.127961, -1.953715),
        ];
        foreach (var (x, y) in textbook)
            Assert.Single(points, p => Math.Abs(p.X - x) < 1e-6 && Math.Abs(p.Y - y) < 1e-6);
    }

    [Fact]
    public void Closed_form_minima_are_exact()
    {
        Assert.Equal(new CriticalPoint(1, 1, CriticalPointKind.Minimum, 0), Assert.Single(new Rosenbrock().CriticalPoints));
        Assert.Contains(new CriticalPoint(3, 0.5, CriticalPointKind.Minimum, 0), new Beale().CriticalPoints);
        Assert.Contains(new CriticalPoint(3, 2, CriticalPointKind.Minimum, 0), new Himmelblau().CriticalPoints);
        Assert.Equal(new CriticalPoint(0, 0, CriticalPointKind.Degenerate, 0), Assert.Single(new MonkeySaddle().CriticalPoints));
    }

    [Fact]
    public void Beale_lists_its_minimum_and_two_saddles()
    {
        var points = new Beale().CriticalPoints;
        Assert.Single(points, p => p.Kind == CriticalPointKind.Minimum);
        Assert.Equal(2, points.Count(p => p.Kind == CriticalPointKind.Saddle));
        Assert.Contains(points, p => p is { X: 0, Y: 1, Kind: CriticalPointKind.Saddle, Value: 14.203125 });
    }

    [Theory]
    [InlineData(2, 0, 3, CriticalPointKind.Minimum)]
    [InlineData(-2, 1, -3, CriticalPointKind.Maximum)]
    [InlineData(2, 0, -2, CriticalPointKind.Saddle)]
    [InlineData(1, 3, 1, CriticalPointKind.Saddle)]      // eigenvalues −2 and 4
    [InlineData(1, 1, 1, CriticalPointKind.Degenerate)]  // eigenvalues 0 and 2
    [InlineData(0, 0, 0, CriticalPointKind.Degenerate)]
    [InlineData(1e-12, 0, 1e-12, CriticalPointKind.Minimum)]  // small but not singular: the test is relative
    public void Classify_reads_the_signs_of_the_eigenvalues(double xx, double xy, double yy, CriticalPointKind expected) =>
        Assert.Equal(expected, CriticalPoint.Classify(new Hessian2(xx, xy, yy)));
}
