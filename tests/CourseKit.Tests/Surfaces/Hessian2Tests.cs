using CourseKit.Surfaces;
using CsCheck;

namespace CourseKit.Tests.Surfaces;

public class Hessian2Tests
{
    private static readonly Gen<Hessian2> Matrices =
        Gen.Select(Gen.Double[-100, 100], Gen.Double[-100, 100], Gen.Double[-100, 100], (a, b, c) => new Hessian2(a, b, c));

    [Fact]
    public void Eigenpairs_satisfy_H_v_equals_lambda_v_in_ascending_order() =>
        Matrices.Sample(h =>
        {
            var (min, max) = h.Eigenvalues;
            var (vMin, vMax) = h.Eigenvectors;
            Assert.True(min <= max);
            double scale = 1e-12 * (1 + Math.Abs(h.Xx) + Math.Abs(h.Xy) + Math.Abs(h.Yy));
            foreach (var (lambda, (vx, vy)) in new[] { (min, vMin), (max, vMax) })
            {
                Assert.Equal(1, double.Hypot(vx, vy), 1e-12);
                var (hx, hy) = h.Times(vx, vy);
                Assert.True(Math.Abs(hx - lambda * vx) <= 100 * scale && Math.Abs(hy - lambda * vy) <= 100 * scale, $"{h}: λ = {lambda}");
            }

            Assert.Equal(0, vMin.X * vMax.X + vMin.Y * vMax.Y, 1e-12);
            Assert.Equal(h.Trace, min + max, 1e-9);
            Assert.True(Math.Abs(h.Determinant - min * max) <= 1e-9 * (1 + Math.Abs(min * max)), $"{h}");
        });

    [Fact]
    public void Eigenvalues_of_a_diagonal_matrix_are_its_diagonal_sorted()
    {
        Assert.Equal((-2.0, 3.0), new Hessian2(3, 0, -2).Eigenvalues);
        var (vMin, vMax) = new Hessian2(3, 0, -2).Eigenvectors;
        Assert.Equal((0.0, 1.0), (Math.Abs(vMin.X), Math.Abs(vMin.Y)));   // λ = −2 belongs to the y axis
        Assert.Equal((1.0, 0.0), (Math.Abs(vMax.X), Math.Abs(vMax.Y)));
    }

    [Fact]
    public void The_small_eigenvalue_of_an_ill_conditioned_matrix_keeps_its_precision()
    {
        // Rosenbrock at its minimum: eigenvalues 501 ± √250601; the small one (≈ 0.39936) must not be lost to cancellation.
        var (min, max) = new Hessian2(802, -400, 200).Eigenvalues;
        Assert.Equal(400 / max, min, 1e-14);
        Assert.Equal(2508.0, Math.Round(new Hessian2(802, -400, 200).ConditionNumber));
    }

    [Fact]
    public void Inverse_times_the_matrix_is_the_identity() =>
        Matrices.Where(h => h.ConditionNumber < 1e6).Sample(h =>
        {
            var inv = h.Inverse();
            var (c1x, c1y) = h.Times(inv.Xx, inv.Xy);
            var (c2x, c2y) = h.Times(inv.Xy, inv.Yy);
            double tol = 1e-12 * h.ConditionNumber;
            Assert.True(Math.Abs(c1x - 1) < tol && Math.Abs(c1y) < tol && Math.Abs(c2x) < tol && Math.Abs(c2y - 1) < tol, $"{h}");
            var (sx, sy) = h.Solve(3, -4);
            var (bx, by) = h.Times(sx, sy);
            Assert.True(Math.Abs(bx - 3) < 10 * tol && Math.Abs(by + 4) < 10 * tol, $"{h}");
        });

    [Fact]
    public void A_singular_matrix_has_no_inverse_and_an_infinite_condition_number()
    {
        var h = new Hessian2(1, 2, 4);   // rows (1, 2) and (2, 4)
        Assert.True(h.IsSingular());
        Assert.Equal(double.PositiveInfinity, new Hessian2(0, 0, 0).ConditionNumber);
        Assert.True(h.ConditionNumber > 1e12);
        var e = Assert.Throws<InvalidOperationException>(() => h.Inverse());
        Assert.Contains("singular", e.Message);
        Assert.Throws<InvalidOperationException>(() => h.Solve(1, 1));
        Assert.False(new Hessian2(1, 0, 1e-9).IsSingular());
    }

    [Fact]
    public void Absolute_keeps_the_eigenvectors_and_takes_absolute_eigenvalues() =>
        Matrices.Sample(h =>
        {
            var abs = h.Absolute(floor: 0.5);
            var (min, max) = h.Eigenvalues;
            var (vMin, vMax) = h.Eigenvectors;
            foreach (var (lambda, (vx, vy)) in new[] { (min, vMin), (max, vMax) })
            {
                double expected = Math.Max(Math.Abs(lambda), 0.5);
                var (ax, ay) = abs.Times(vx, vy);
                Assert.True(Math.Abs(ax - expected * vx) < 1e-9 && Math.Abs(ay - expected * vy) < 1e-9, $"{h}: λ = {lambda}");
            }

            Assert.True(abs.Eigenvalues.Min >= 0.5 - 1e-9);
        });

    [Fact]
    public void AddDiagonal_shifts_every_eigenvalue()
    {
        var h = new Hessian2(2, 1, -3);
        var (min, max) = h.Eigenvalues;
        var (smin, smax) = h.AddDiagonal(5).Eigenvalues;
        Assert.Equal(min + 5, smin, 1e-12);
        Assert.Equal(max + 5, smax, 1e-12);
    }
}
