using CourseKit.Analysis;

namespace CourseKit.Tests.Analysis;

/// <summary>
/// The analysis against the kit's own optimizers: the matrix is derived from the rule as written in algorithms.md,
/// so one optimizer step on J = ½λx² must be exactly one multiplication by M, and the measured contraction of a
/// long run must approach ρ.
/// </summary>
public class MomentumMethodTests
{
    // (ε, α, λ): spirals, real roots of both signs, stiff and gentle directions.
    public static TheoryData<string, double, double, double> Cases()
    {
        var data = new TheoryData<string, double, double, double>();
        foreach (string name in new[] { "momentum", "nesterov" })
        {
            data.Add(name, 0.012, 0.9, 100);   // notebook 09's stiff direction
            data.Add(name, 0.012, 0.9, 1);     // and its floor
            data.Add(name, 0.019, 0.9, 100);   // notebook 08's stiff direction
            data.Add(name, 0.01, 0.5, 30);
            data.Add(name, 0.05, 0.2, 3);
            data.Add(name, 0.1, 0.6, 12);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void One_optimizer_step_is_one_multiplication_by_M(string name, double eps, double alpha, double lambda)
    {
        var method = MomentumMethod.Named(name);
        var m = method.Matrix(eps, alpha, lambda);
        var optimizer = method.Create(eps, alpha);
        double[] xs = ContractionRate.Iterates(optimizer, lambda, 1, start: 0.8);
        Assert.Equal(m.Apply(0.8, 0).X, xs[1], 14);

        // From any state the optimizer reaches: read (x, v), step, compare with M [x; v].
        optimizer.Reset();
        double[] theta = [0.8], g = new double[1];
        CourseKit.Optimizers.GradientFunction<double> f = (θ, gradient) => { gradient[0] = lambda * θ[0]; return 0; };
        for (int k = 0; k < 40; k++)
        {
            double x = theta[0], v = k == 0 ? 0 : method.Velocity(optimizer);
            optimizer.Step(theta, g, f);
            var (px, pv) = m.Apply(x, v);
            double scale = Math.Abs(x) + Math.Abs(v) + 1e-300;
            Assert.True(Math.Abs(px - theta[0]) <= 1e-12 * scale, $"step {k}: x {theta[0]} vs {px}");
            Assert.True(Math.Abs(pv - method.Velocity(optimizer)) <= 1e-12 * scale, $"step {k}: v {method.Velocity(optimizer)} vs {pv}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_measured_contraction_of_a_run_approaches_the_spectral_radius(string name, double eps, double alpha, double lambda)
    {
        var method = MomentumMethod.Named(name);
        double rho = method.Matrix(eps, alpha, lambda).SpectralRadius;
        int steps = rho >= 1 ? 200 : (int)Math.Min(1500, 150 / -Math.Log10(rho)); // shrink to about 1e-150 at most
        double[] xs = ContractionRate.Iterates(method.Create(eps, alpha), lambda, steps);
        double measured = ContractionRate.Measure(xs, steps / 5, steps);
        Assert.True(Math.Abs(measured - rho) <= 0.01 * rho, $"{name} ε={eps} α={alpha} λ={lambda}: measured {measured}, ρ {rho}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sign_changes_of_a_run_follow_the_eigenvalue_angle(string name, double eps, double alpha, double lambda)
    {
        var method = MomentumMethod.Named(name);
        var m = method.Matrix(eps, alpha, lambda);
        const int steps = 150;
        double[] xs = ContractionRate.Iterates(method.Create(eps, alpha), lambda, steps);
        int changes = xs.Zip(xs.Skip(1)).Count(p => Math.Sign(p.First) != Math.Sign(p.Second));
        Assert.True(Math.Abs(changes - steps * m.SignChangesPerStep) <= 2, $"{changes} sign changes, predicted {steps * m.SignChangesPerStep:F1}");
    }

    [Theory]
    [MemberData(nameof(MomentumMethod.Names), MemberType = typeof(MomentumMethod))]
    public void Past_the_stability_edge_the_radius_exceeds_one_and_the_run_grows(string name)
    {
        var method = MomentumMethod.Named(name);
        foreach (double alpha in new[] { 0.0, 0.5, 0.9 })
        {
            double edge = method.LargestStableLearningRate(alpha, 100);
            Assert.True(method.Matrix(edge * 0.999, alpha, 100).SpectralRadius < 1);
            Assert.True(method.Matrix(edge * 1.001, alpha, 100).SpectralRadius > 1);
            double[] xs = ContractionRate.Iterates(method.Create(edge * 1.05, alpha), 100, 200);
            Assert.True(ContractionRate.Measure(xs, 100, 200) > 1);
        }
    }

    [Theory]
    [MemberData(nameof(MomentumMethod.Names), MemberType = typeof(MomentumMethod))]
    public void Critical_damping_separates_real_from_complex_eigenvalues(string name)
    {
        var method = MomentumMethod.Named(name);
        foreach (double h in new[] { 0.01, 0.1, 0.5, 0.9 })
        {
            double critical = method.CriticalMomentum(h);
            Assert.InRange(critical, 0, 1);
            Assert.True(Math.Abs(method.Matrix(h, critical, 1).Discriminant) < 1e-12);
            Assert.False(method.Matrix(h, critical * 0.99, 1).HasComplexEigenvalues);
            if (critical * 1.01 < 1) Assert.True(method.Matrix(h, Math.Min(critical * 1.01, 0.999), 1).HasComplexEigenvalues);
        }
    }

    [Theory]
    [MemberData(nameof(MomentumMethod.Names), MemberType = typeof(MomentumMethod))]
    public void The_rate_over_a_spectrum_is_the_worst_of_a_dense_sweep_and_sits_at_an_end(string name)
    {
        var method = MomentumMethod.Named(name);
        var random = new Random(7);
        for (int trial = 0; trial < 200; trial++)
        {
            double mu = 0.1 + random.NextDouble(), kappa = 1 + 200 * random.NextDouble();
            var spectrum = new Spectrum(mu, mu * kappa);
            double eps = random.NextDouble() * method.LargestStableLearningRate(0, spectrum.Largest) * 1.2, alpha = 0.99 * random.NextDouble();
            if (eps == 0) continue;
            double sweep = Enumerable.Range(0, 801).Max(i => method.Matrix(eps, alpha, mu + (spectrum.Largest - mu) * i / 800).SpectralRadius);
            double rate = method.Rate(eps, alpha, spectrum);
            Assert.True(rate >= sweep - 1e-12, $"{name}: ends {rate} < sweep {sweep} (ε={eps}, α={alpha}, μ={mu}, κ={kappa})");
        }
    }

    [Theory]
    [MemberData(nameof(MomentumMethod.Names), MemberType = typeof(MomentumMethod))]
    public void The_optimal_pair_delivers_its_rate_and_no_grid_pair_does_better(string name)
    {
        var method = MomentumMethod.Named(name);
        foreach (double kappa in new[] { 10.0, 100.0 })
        {
            var spectrum = new Spectrum(1, kappa);
            var best = method.Optimal(spectrum);
            // At critical damping the roots are a double root, which rounding moves by about √(machine ε).
            Assert.True(Math.Abs(best.Rate - method.Rate(best.LearningRate, best.Momentum, spectrum)) < 1e-6);
            double edge = method.LargestStableLearningRate(0.99, kappa);
            double gridBest = 1;
            for (int i = 1; i <= 200; i++)
                for (int j = 0; j < 100; j++)
                    gridBest = Math.Min(gridBest, method.Rate(edge * i / 200, 0.99 * j / 99, spectrum));
            Assert.True(best.Rate <= gridBest + 1e-9, $"{name} κ={kappa}: optimal {best.Rate}, a grid pair reached {gridBest}");
            Assert.True(best.Rate > gridBest - 0.02, $"{name} κ={kappa}: the grid should come close to {best.Rate}; got {gridBest}");
        }
    }

    [Theory]
    [MemberData(nameof(MomentumMethod.Names), MemberType = typeof(MomentumMethod))]
    public void Bad_arguments_name_themselves(string name)
    {
        var method = MomentumMethod.Named(name);
        Assert.Equal("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => method.Matrix(0, 0.9, 1)).ParamName);
        Assert.Equal("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => method.Matrix(double.NaN, 0.9, 1)).ParamName);
        Assert.Equal("momentum", Assert.Throws<ArgumentOutOfRangeException>(() => method.Matrix(0.1, 1, 1)).ParamName);
        Assert.Equal("momentum", Assert.Throws<ArgumentOutOfRangeException>(() => method.Matrix(0.1, -0.1, 1)).ParamName);
        Assert.Equal("curvature", Assert.Throws<ArgumentOutOfRangeException>(() => method.Matrix(0.1, 0.9, 0)).ParamName);
        Assert.Equal("curvature", Assert.Throws<ArgumentOutOfRangeException>(() => method.LargestStableLearningRate(0.9, -1)).ParamName);
        Assert.Equal("stepTimesCurvature", Assert.Throws<ArgumentOutOfRangeException>(() => method.CriticalMomentum(0)).ParamName);
        Assert.Equal("stepTimesCurvature", Assert.Throws<ArgumentOutOfRangeException>(() => method.CriticalMomentum(4)).ParamName);
        Assert.Equal("stepTimesCurvature", Assert.Throws<ArgumentOutOfRangeException>(() => method.CriticalMomentum(double.NaN)).ParamName);
    }
}
