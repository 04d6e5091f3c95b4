using CourseKit.Surfaces;

namespace CourseKit.Tests.Surfaces;

/// <summary>Every surface's analytic gradient and Hessian against central differences.</summary>
public class SurfaceDerivativeTests
{
    public static TheoryData<string> Specs()
    {
        var data = new TheoryData<string>();
        foreach (string name in SurfaceCatalog.Names) data.Add(name);
        data.Add("quadratic:100");
        data.Add("quadratic:100:45");
        data.Add("quadratic:10:-30");
        return data;
    }

    /// <summary>The start, each critical point and a point beside it, a 3×3 grid over the window, plus surface-specific spots.</summary>
    internal static IEnumerable<(double X, double Y)> Points(Surface surface)
    {
        yield return surface.SuggestedStart;
        foreach (var p in surface.CriticalPoints)
        {
            yield return (p.X, p.Y);
            yield return (p.X + 0.13, p.Y - 0.07);
        }

        var w = surface.Window;
        foreach (double fx in new[] { 0.15, 0.5, 0.85 })
            foreach (double fy in new[] { 0.2, 0.55, 0.9 })
                yield return (w.XMin + fx * w.Width, w.YMin + fy * w.Height);

        if (surface is Cliff)
        {
            // On the wall, where the derivatives change fastest.
            yield return (Cliff.WallPosition + 0.01, 0.3);
            yield return (Cliff.WallPosition - 0.03, -1);
            yield return (Cliff.WallPosition + 0.08, 2);
        }
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Gradient_matches_central_differences_of_the_value(string spec)
    {
        var surface = SurfaceCatalog.Create(spec);
        foreach (var (x, y) in Points(surface))
        {
            var (gx, gy) = surface.Gradient(x, y);
            double hx = Step(x), hy = Step(y);
            double fdx = (surface.Value(x + hx, y) - surface.Value(x - hx, y)) / (2 * hx);
            double fdy = (surface.Value(x, y + hy) - surface.Value(x, y - hy)) / (2 * hy);
            double scale = 1 + Math.Abs(surface.Value(x, y)) + Math.Abs(gx) + Math.Abs(gy);
            AssertClose(fdx, gx, scale, $"{spec} ∂f/∂x at ({x}, {y})");
            AssertClose(fdy, gy, scale, $"{spec} ∂f/∂y at ({x}, {y})");
        }
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Hessian_matches_central_differences_of_the_gradient(string spec)
    {
        var surface = SurfaceCatalog.Create(spec);
        foreach (var (x, y) in Points(surface))
        {
            var h = surface.Hessian(x, y);
            double hx = Step(x), hy = Step(y);
            var (gxPlusX, gyPlusX) = surface.Gradient(x + hx, y);
            var (gxMinusX, gyMinusX) = surface.Gradient(x - hx, y);
            var (gxPlusY, gyPlusY) = surface.Gradient(x, y + hy);
            var (gxMinusY, gyMinusY) = surface.Gradient(x, y - hy);
            double fdXx = (gxPlusX - gxMinusX) / (2 * hx);
            double fdYx = (gyPlusX - gyMinusX) / (2 * hx);
            double fdXy = (gxPlusY - gxMinusY) / (2 * hy);
            double fdYy = (gyPlusY - gyMinusY) / (2 * hy);
            var (gx, gy) = surface.Gradient(x, y);
            double scale = 1 + Math.Abs(gx) + Math.Abs(gy) + Math.Abs(h.Xx) + Math.Abs(h.Xy) + Math.Abs(h.Yy);
            AssertClose(fdXx, h.Xx, scale, $"{spec} ∂²f/∂x² at ({x}, {y})");
            AssertClose(fdYy, h.Yy, scale, $"{spec} ∂²f/∂y² at ({x}, {y})");
            AssertClose(fdXy, h.Xy, scale, $"{spec} ∂²f/∂x∂y (from ∂f/∂x) at ({x}, {y})");
            AssertClose(fdYx, h.Xy, scale, $"{spec} ∂²f/∂y∂x (from ∂f/∂y) at ({x}, {y})");
        }
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void LossAndGradient_agrees_with_Value_and_Gradient(string spec)
    {
        var surface = SurfaceCatalog.Create(spec);
        Span<double> g = stackalloc double[2];
        foreach (var (x, y) in Points(surface))
        {
            double loss = surface.LossAndGradient([x, y], g);
            Assert.Equal(surface.Value(x, y), loss);
            Assert.Equal(surface.Gradient(x, y), (g[0], g[1]));
        }
    }

    [Fact]
    public void LossAndGradient_rejects_theta_of_the_wrong_length()
    {
        var surface = new Rosenbrock();
        Assert.Throws<ArgumentException>(() => surface.LossAndGradient([1, 2, 3], new double[2]));
        Assert.Throws<ArgumentException>(() => surface.LossAndGradient([1, 2], new double[3]));
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Window_contains_the_start_and_every_critical_point(string spec)
    {
        var surface = SurfaceCatalog.Create(spec);
        Assert.True(surface.Window.Width > 0 && surface.Window.Height > 0);
        Assert.True(surface.Window.Contains(surface.SuggestedStart.X, surface.SuggestedStart.Y), "start outside the window");
        foreach (var p in surface.CriticalPoints)
            Assert.True(surface.Window.Contains(p.X, p.Y), $"{p} outside the window");
    }

    // Central differences: truncation error ~h², rounding error ~1e-16/h; h ≈ 1e-5 balances them.
    private static double Step(double coordinate) => 1e-5 * Math.Max(1, Math.Abs(coordinate));

    private static void AssertClose(double finiteDifference, double analytic, double scale, string what) =>
        Assert.True(Math.Abs(finiteDifference - analytic) <= 1e-6 * scale,
            $"{what}: analytic {analytic:R}, finite difference {finiteDifference:R}");
}
