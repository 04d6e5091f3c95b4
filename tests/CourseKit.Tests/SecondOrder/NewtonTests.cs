using CourseKit.SecondOrder;
using CourseKit.Surfaces;

namespace CourseKit.Tests.SecondOrder;

public class NewtonTests
{
    [Theory]
    [InlineData(10, -9, 2)]
    [InlineData(1000, 3.5, -0.7)]
    [InlineData(0.01, 1e3, 1e-3)]
    public void Newton_reaches_the_minimum_of_a_quadratic_in_one_step_whatever_its_conditioning(double kappa, double x, double y)
    {
        var (nx, ny) = new Newton().Step(new Quadratic(kappa), x, y);
        Assert.Equal(0, nx, 1e-12);
        Assert.Equal(0, ny, 1e-12);
    }

    [Fact]
    public void Newton_near_the_saddle_jumps_into_it_while_saddle_free_Newton_moves_away()
    {
        var saddle = new Saddle();
        var newton = new Newton().Path(saddle, 0.3, 0.05, steps: 5);
        Assert.Equal((0.0, 0.0), newton[^1]);

        var free = new SaddleFreeNewton().Path(saddle, 0.3, 0.05, steps: 5);
        for (int k = 1; k < free.Count; k++)
            Assert.True(Math.Abs(free[k].Y) > Math.Abs(free[k - 1].Y), $"|y| did not grow at step {k}: {free[k - 1]} → {free[k]}");
        Assert.Equal(0.05 * 32, Math.Abs(free[^1].Y), 1e-12);   // |y| doubles: −(−2y)/|−2| = y more each step
        Assert.Equal(0, free[^1].X, 1e-12);                       // and the x direction (a true minimum) is solved
        Assert.True(saddle.Value(free[^1].X, free[^1].Y) < saddle.Value(0.3, 0.05));
    }

    [Fact]
    public void On_Himmelblau_Newton_converges_to_a_nearby_saddle_and_saddle_free_Newton_escapes_downhill()
    {
        var himmelblau = new Himmelblau();
        var saddle = himmelblau.CriticalPoints.First(p => p.Kind == CriticalPointKind.Saddle);
        double x0 = saddle.X + 0.05, y0 = saddle.Y - 0.05;

        var (nx, ny) = new Newton().Path(himmelblau, x0, y0, steps: 10)[^1];
        Assert.True(double.Hypot(nx - saddle.X, ny - saddle.Y) < 1e-9, $"Newton ended at ({nx}, {ny}), saddle at {saddle}");

        var free = new SaddleFreeNewton().Path(himmelblau, x0, y0, steps: 30);
        var (fx, fy) = free[^1];
        Assert.True(double.Hypot(fx - saddle.X, fy - saddle.Y) > 0.5, $"saddle-free Newton stayed at ({fx}, {fy})");
        Assert.True(himmelblau.Value(fx, fy) < 1e-6, $"saddle-free Newton should reach a minimum, ended at f = {himmelblau.Value(fx, fy)}");
        // Near the saddle the quadratic model is good, so the first steps go downhill (later full steps may overshoot).
        for (int k = 1; k <= 3; k++)
            Assert.True(himmelblau.Value(free[k].X, free[k].Y) < himmelblau.Value(free[k - 1].X, free[k - 1].Y), $"went uphill at step {k}");
    }

    [Fact]
    public void A_singular_Hessian_throws_naming_the_point()
    {
        // Rosenbrock's Hessian is singular on the parabola y = x² + 0.005; at (0, 0.005) it is diag(0, 200).
        var e = Assert.Throws<InvalidOperationException>(() => new Newton().Step(new Rosenbrock(), 0, 0.005));
        Assert.Contains("(0, 0.005)", e.Message);
        Assert.Contains("singular", e.Message);
        Assert.Contains("rosenbrock", e.Message);

        var monkey = Assert.Throws<InvalidOperationException>(() => new Newton().Step(new MonkeySaddle(), 0, 0));
        Assert.Contains("(0, 0)", monkey.Message);
    }

    [Fact]
    public void Newton_halves_the_distance_to_the_monkey_saddle_each_step()
    {
        var path = new Newton().Path(new MonkeySaddle(), 1.2, 0.05, steps: 4);
        for (int k = 1; k < path.Count; k++)
        {
            Assert.Equal(path[k - 1].X / 2, path[k].X, 1e-12);
            Assert.Equal(path[k - 1].Y / 2, path[k].Y, 1e-12);
        }
    }

    [Fact]
    public void Path_starts_at_the_start_and_chains_single_steps()
    {
        var method = new DampedNewton(0.5, 0.8);
        var rosenbrock = new Rosenbrock();
        var path = method.Path(rosenbrock, -1.2, 1, steps: 6);
        Assert.Equal(7, path.Count);
        Assert.Equal((-1.2, 1.0), path[0]);
        for (int k = 1; k < path.Count; k++)
            Assert.Equal(method.Step(rosenbrock, path[k - 1].X, path[k - 1].Y), path[k]);
        Assert.Single(method.Path(rosenbrock, 3, 4, steps: 0));
    }

    [Fact]
    public void Damped_Newton_with_zero_damping_is_Newton_and_with_large_damping_is_gradient_descent()
    {
        var beale = new Beale();
        var (x, y) = beale.SuggestedStart;
        Assert.Equal(new Newton().Step(beale, x, y), new DampedNewton(lambda: 0).Step(beale, x, y));

        const double lambda = 1e6;
        var (dx, dy) = new DampedNewton(lambda, stepSize: 2).Step(beale, x, y);
        var (gx, gy) = beale.Gradient(x, y);
        // (ℍ + λI)⁻¹ = (1/λ)(I − ℍ/λ + …): the step agrees with −(η/λ)∇f up to a relative ‖ℍ‖/λ ≈ 4e-4 here.
        Assert.Equal(-2 / lambda * gx, dx - x, 1e-3 * 2 / lambda * Math.Abs(gx));
        Assert.Equal(-2 / lambda * gy, dy - y, 1e-3 * 2 / lambda * Math.Abs(gy));
    }

    [Theory]
    [InlineData(0.5, true)]   // y ← y·λ/(λ − 2) = −y/3: still drawn into the saddle
    [InlineData(1.5, false)]  // y ← −3y: thrown back and forth across it, but out
    [InlineData(3, false)]    // y ← 3y: ℍ + λI is positive definite and the y step goes downhill
    public void Damping_frees_Newton_from_the_saddle_only_beyond_half_the_negative_curvature(double lambda, bool drawnIn)
    {
        var path = new DampedNewton(lambda).Path(new Saddle(), 0.3, 0.05, steps: 10);
        Assert.Equal(drawnIn, Math.Abs(path[^1].Y) < 0.05);
        Assert.Equal(0.05 * Math.Pow(lambda / (lambda - 2), 10), path[^1].Y, 1e-9 * Math.Abs(path[^1].Y) + 1e-15);
    }

    [Fact]
    public void Damping_makes_a_singular_point_steppable_and_defaults_are_checked()
    {
        var (x, y) = new DampedNewton(lambda: 1).Step(new Rosenbrock(), 0, 0.005);
        Assert.True(double.IsFinite(x) && double.IsFinite(y));
        Assert.Equal("lambda", Assert.Throws<ArgumentOutOfRangeException>(() => new DampedNewton(-1)).ParamName);
        Assert.Equal("stepSize", Assert.Throws<ArgumentOutOfRangeException>(() => new DampedNewton(1, 0)).ParamName);
        Assert.Equal("floor", Assert.Throws<ArgumentOutOfRangeException>(() => new SaddleFreeNewton(0)).ParamName);
    }

    [Fact]
    public void Saddle_free_Newton_equals_Newton_where_the_surface_is_convex_and_never_throws_at_a_flat_point()
    {
        var rosenbrock = new Rosenbrock();
        var (a, b) = new Newton().Step(rosenbrock, 1.1, 1.15);   // ℍ is positive definite here
        var (c, d) = new SaddleFreeNewton().Step(rosenbrock, 1.1, 1.15);
        Assert.Equal(a, c, 1e-12);
        Assert.Equal(b, d, 1e-12);
        Assert.Equal((0.0, 0.0), new SaddleFreeNewton().Step(new MonkeySaddle(), 0, 0));
    }

    [Theory]
    [InlineData("newton", typeof(Newton))]
    [InlineData("damped-newton:0.1", typeof(DampedNewton))]
    [InlineData("damped-newton:0.1:0.5", typeof(DampedNewton))]
    [InlineData("saddle-free-newton", typeof(SaddleFreeNewton))]
    [InlineData("saddle-free-newton:0.001", typeof(SaddleFreeNewton))]
    public void Parse_round_trips_through_Name(string spec, Type type)
    {
        var method = SecondOrderMethod.Parse(spec);
        Assert.IsType(type, method);
        Assert.Equal(spec, method.Name);
    }

    [Fact]
    public void Parse_rejects_unknown_methods_listing_the_known_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => SecondOrderMethod.Parse("bfgs"));
        Assert.Contains("newton", e.Message);
        Assert.Contains("saddle-free-newton", e.Message);
        Assert.Throws<ArgumentException>(() => SecondOrderMethod.Parse("damped-newton:x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => SecondOrderMethod.Parse("damped-newton:-1"));
    }
}
