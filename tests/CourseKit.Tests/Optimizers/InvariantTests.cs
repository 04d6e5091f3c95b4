using System.Numerics;
using CourseKit.Optimizers;
using CsCheck;

namespace CourseKit.Tests.Optimizers;

/// <summary>
/// Properties that catch the classic slips in these rules (and the lecture's errata), each checked on
/// generated gradients rather than one example.
/// </summary>
public class InvariantTests
{
    // A gradient vector whose components are all well away from zero, in both signs and over six
    // orders of magnitude, so δ is negligible next to |ĝᵢ|.
    private static readonly Gen<double[]> Gradients =
        Gen.Select(Gen.Double[0.01, 1000], Gen.Bool).Select(t => t.Item2 ? t.Item1 : -t.Item1).Array[1, 40];

    /// <summary>θ₀ = 0 and the callback returns <paramref name="g"/>, so θ₁ is exactly the first step Δθ.</summary>
    private static double[] FirstStep<T>(Optimizer<T> optimizer, double[] g) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var gradient = g.Select(T.CreateTruncating).ToArray();
        var θ = new T[g.Length];
        optimizer.Step(θ, new T[g.Length], (_, buffer) => { gradient.CopyTo(buffer); return T.Zero; });
        return Trajectory.ToDouble<T>(θ);
    }

    [Fact]
    public void Adam_first_step_moves_every_coordinate_by_epsilon_against_the_gradient()
    {
        // t = 1 makes ŝ = ĝ and r̂ = ĝ², so Δθ = −ε ĝ/(|ĝ| + δ) ≈ −ε sign(ĝ) whatever |ĝ|.
        // With the lecture's t = 2 the first step would be ≈ 0.744ε.
        Gradients.Sample(g =>
        {
            foreach (var step in new[] { FirstStep(new Adam<double>(learningRate: 0.01), g), FirstStep(new Adam<float>(learningRate: 0.01), g) })
                for (int i = 0; i < g.Length; i++)
                {
                    Assert.Equal(-Math.Sign(g[i]), Math.Sign(step[i]));
                    Assert.Equal(0.01, Math.Abs(step[i]), 0.01 * 1e-5);
                }
        });
    }

    [Fact]
    public void Adam_first_update_uses_t_equal_to_one()
    {
        var adam = new Adam<double>(learningRate: 0.1, rho1: 0.5, rho2: 0.5, delta: 0);
        Assert.Equal(0, adam.TimeStep);
        double[] step = FirstStep(adam, [3.0]);
        Assert.Equal(1, adam.TimeStep);
        // t = 1: ŝ = ĝ, r̂ = ĝ², Δθ = −0.1 exactly (δ = 0). t = 2 would give −0.1·(0.5/0.75)/√(0.5/0.75).
        Assert.Equal(-0.1, step[0], 1e-15);
    }

    [Fact]
    public void RmsProp_first_step_is_epsilon_over_root_of_delta_plus_one_minus_rho_g_squared_times_g()
    {
        Gradients.Sample(g =>
        {
            const double ε = 0.01, ρ = 0.9, δ = 1e-6;
            double[] inDouble = FirstStep(new RmsProp<double>(ε, ρ, δ), g), inFloat = FirstStep(new RmsProp<float>(ε, ρ, δ), g);
            for (int i = 0; i < g.Length; i++)
            {
                double expected = -ε / Math.Sqrt(δ + (1 - ρ) * g[i] * g[i]) * g[i];
                Assert.Equal(expected, inDouble[i], Math.Abs(expected) * 1e-14);
                Assert.Equal(expected, inFloat[i], Math.Abs(expected) * 1e-6);
            }
        });
    }

    [Fact]
    public void AdaDelta_moves_on_its_first_step()
    {
        // u = 0 at the start: without δ in the numerator (the lecture's printed rule) Δθ would be 0 forever.
        Gradients.Sample(g =>
        {
            const double ρ = 0.95, δ = 1e-6;
            double[] inDouble = FirstStep(new AdaDelta<double>(ρ, δ), g), inFloat = FirstStep(new AdaDelta<float>(ρ, δ), g);
            for (int i = 0; i < g.Length; i++)
            {
                double expected = -Math.Sqrt(δ) / Math.Sqrt((1 - ρ) * g[i] * g[i] + δ) * g[i];
                Assert.NotEqual(0, inDouble[i]);
                Assert.NotEqual(0, inFloat[i]);
                Assert.Equal(expected, inDouble[i], Math.Abs(expected) * 1e-14);
                Assert.Equal(expected, inFloat[i], Math.Abs(expected) * 1e-6);
            }
        });
    }

    [Fact]
    public void AdaGrad_effective_rate_never_increases()
    {
        // ε/(δ + √r) per coordinate, read from the optimizer's r after every step, over a random
        // sequence of gradients (any sign, some exactly zero).
        var component = Gen.OneOf(Gen.Double[-100, 100], Gen.Const(0.0));
        Gen.Int[1, 20].SelectMany(n => component.Array[n].Array[1, 30]).Sample(sequence =>
        {
            EffectiveRateNeverIncreases<double>(sequence);
            EffectiveRateNeverIncreases<float>(sequence);
        });
    }

    private static void EffectiveRateNeverIncreases<T>(double[][] sequence) where T : unmanaged, IFloatingPointIeee754<T>
    {
        const double ε = 0.1, δ = 1e-7;
        var adagrad = new AdaGrad<T>(ε, δ);
        int n = sequence[0].Length;
        var θ = new T[n];
        var buffer = new T[n];
        var previous = Enumerable.Repeat(double.PositiveInfinity, n).ToArray();
        var sum = new double[n];
        foreach (var g in sequence)
        {
            adagrad.Step(θ, buffer, (_, b) => { for (int i = 0; i < n; i++) b[i] = T.CreateTruncating(g[i]); return T.Zero; });
            for (int i = 0; i < n; i++)
            {
                double r = double.CreateTruncating(adagrad.SquaredGradientSum[i]);
                sum[i] += double.CreateTruncating(T.CreateTruncating(g[i])) * double.CreateTruncating(T.CreateTruncating(g[i]));
                Assert.Equal(sum[i], r, sum[i] * 1e-5 + 1e-30); // float squares of tiny ĝ underflow
                double rate = double.CreateTruncating(T.CreateTruncating(ε) / (T.CreateTruncating(δ) + T.Sqrt(adagrad.SquaredGradientSum[i])));
                Assert.True(rate <= previous[i], $"AdaGrad's rate for coordinate {i} rose from {previous[i]} to {rate}.");
                previous[i] = rate;
            }
        }
    }

    [Theory]
    [InlineData("nesterov")]
    [InlineData("rmsprop-nesterov")]
    public void Nesterov_variants_take_the_gradient_at_theta_plus_alpha_v_and_keep_theta_not_the_interim_point(string name)
    {
        var settings = OptimizerCases.First(name);
        double α = settings.Momentum!.Value;
        var problem = new DiagonalQuadratic(2, 0.5, 8);
        var optimizer = OptimizerFactory.Create<double>(name, settings);
        double[] θ = [1, -2, 0.5];
        var g = new double[3];
        var points = new List<double[]>();
        GradientFunction<double> f = problem.For<double>();
        GradientFunction<double> recorded = (p, grad) => { points.Add(p.ToArray()); return f(p, grad); };

        optimizer.Step(θ, g, recorded);
        double[] θ1 = θ.ToArray(), v1 = Velocity(optimizer);
        Near.Equal(θ1.Zip(points[0], (a, b) => a - b).ToArray(), v1, 1e-15, $"{name}: θ₁ − θ₀ = v₁"); // v₀ = 0, so θ̃₀ = θ₀

        optimizer.Step(θ, g, recorded);
        double[] v2 = Velocity(optimizer);
        var interim = θ1.Select((x, i) => x + α * v1[i]).ToArray();
        Near.Equal(interim, points[1], 1e-15, $"{name}: the point the callback received on step 2");
        Assert.True(interim.Zip(θ1).Any(p => Math.Abs(p.First - p.Second) > 1e-3), "the test needs θ̃ ≠ θ on step 2");

        // θ₂ = θ₁ + v₂, not θ̃ + v₂ (the RMSProp-Nesterov erratum: θ overwritten with θ̃) and not θ̃.
        Near.Equal(θ1.Select((x, i) => x + v2[i]).ToArray(), θ, 1e-15, $"{name}: θ after step 2");
        for (int i = 0; i < 3; i++)
        {
            Assert.True(Math.Abs(θ[i] - (interim[i] + v2[i])) > 1e-3, $"{name}: θ₂ is θ̃ + v₂ at coordinate {i}");
            Assert.True(Math.Abs(θ[i] - interim[i]) > 1e-3, $"{name}: θ₂ is θ̃ at coordinate {i}");
        }
    }

    [Theory]
    [InlineData("nesterov")]
    [InlineData("rmsprop-nesterov")]
    public void Nesterov_variants_restore_theta_exactly_even_when_the_callback_throws(string name)
    {
        var optimizer = OptimizerFactory.Create<double>(name, OptimizerCases.First(name));
        double[] θ = [1, -2, 0.5];
        var g = new double[3];
        GradientFunction<double> f = new DiagonalQuadratic(2, 0.5, 8).For<double>();
        optimizer.Step(θ, g, f);
        double[] θ1 = θ.ToArray();
        Assert.Throws<InvalidOperationException>(() => optimizer.Step(θ, g, (_, _) => throw new InvalidOperationException("loss exploded")));
        Assert.Equal(θ1, θ);
        Assert.Equal(1, optimizer.UpdateCount);
    }

    private static double[] Velocity(Optimizer<double> optimizer) => optimizer switch
    {
        Nesterov<double> n => n.Velocity.ToArray(),
        RmsPropNesterov<double> r => r.Velocity.ToArray(),
        _ => throw new ArgumentException(optimizer.Name),
    };
}
