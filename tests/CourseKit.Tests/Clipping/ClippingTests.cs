using System.Numerics;
using CourseKit.Clipping;
using CsCheck;

namespace CourseKit.Tests.Clipping;

/// <summary>Clipping by norm and by value as properties over generated gradients, in float and double.</summary>
public class ClippingTests
{
    private static readonly Gen<double[]> Gradients = Gen.Double[-1000, 1000].Array[1, 100];
    private static readonly Gen<double> Thresholds = Gen.Double[1e-3, 2000];

    private static double Norm(double[] g) => Math.Sqrt(g.Sum(x => x * x));

    private static double Cosine(double[] a, double[] b) => a.Zip(b, (x, y) => x * y).Sum() / (Norm(a) * Norm(b));

    private static double[] Clip<T>(GradientClipping clipping, double[] g) where T : IFloatingPointIeee754<T>
    {
        T[] x = g.Select(T.CreateTruncating).ToArray();
        clipping.Apply<T>(x);
        return x.Select(double.CreateTruncating).ToArray();
    }

    [Fact]
    public void By_norm_never_leaves_the_norm_above_V_and_keeps_the_direction() =>
        Gen.Select(Gradients, Thresholds).Sample((g, v) =>
        {
            ByNorm<double>(g, v, 1e-14);
            ByNorm<float>(g, v, 1e-6);
        });

    private static void ByNorm<T>(double[] g, double v, double tolerance) where T : IFloatingPointIeee754<T>
    {
        double[] input = g.Select(x => double.CreateTruncating(T.CreateTruncating(x))).ToArray();
        double[] clipped = Clip<T>(GradientClipping.ByNorm(v), g);
        double before = Norm(input), after = Norm(clipped);
        if (before <= v)
        {
            Assert.Equal(input, clipped); // untouched, bit for bit
            return;
        }
        Assert.True(after <= v * (1 + tolerance), $"‖g‖ = {before} clipped to {after} > V = {v}");
        Assert.Equal(v, after, v * tolerance * 4); // scaled to V, not below it
        Assert.True(Cosine(input, clipped) >= 1 - tolerance, $"direction changed: cosine {Cosine(input, clipped)}");
    }

    [Fact]
    public void By_norm_leaves_g_unchanged_when_its_norm_is_at_most_V() =>
        Gradients.Sample(g =>
        {
            double norm = Norm(g);
            // A zero gradient (CsCheck favours it) makes the first two thresholds 0, which ByNorm rightly refuses.
            foreach (double v in new[] { norm * (1 + 1e-9), norm * 2, norm + 1 }.Where(v => v > 0))
                Assert.Equal(g, Clip<double>(GradientClipping.ByNorm(v), g));
        });

    [Fact]
    public void By_value_bounds_each_component_and_changes_only_those_outside() =>
        Gen.Select(Gradients, Thresholds).Sample((g, v) =>
        {
            foreach (double[] clipped in new[] { Clip<double>(GradientClipping.ByValue(v), g), Clip<float>(GradientClipping.ByValue(v), g) })
                for (int i = 0; i < g.Length; i++)
                {
                    Assert.InRange(clipped[i], -v * (1 + 1e-7), v * (1 + 1e-7));
                    double expected = Math.Min(Math.Max(g[i], -v), v);
                    Assert.Equal(expected, clipped[i], Math.Max(1, Math.Abs(expected)) * 1e-6);
                }
            Assert.Equal(g.Select(x => Math.Min(Math.Max(x, -v), v)), Clip<double>(GradientClipping.ByValue(v), g));
        });

    [Fact]
    public void None_changes_nothing() =>
        Gradients.Sample(g => Assert.Equal(g, Clip<double>(GradientClipping.None, g)));

    [Fact]
    public void Norm_is_the_L2_norm_over_all_components() =>
        Gradients.Sample(g =>
        {
            Assert.Equal(Norm(g), GradientClipping.Norm<double>(g), Norm(g) * 1e-14);
            float[] f = g.Select(x => (float)x).ToArray();
            double expected = Norm(f.Select(x => (double)x).ToArray());
            Assert.Equal(expected, GradientClipping.Norm<float>(f), expected * 1e-6 + 1e-18); // squares below 1e-45 underflow in float
        });

    [Fact]
    public void By_norm_by_hand()
    {
        double[] g = [3, -4]; // ‖g‖ = 5
        Assert.Equal([1.5, -2], Clip<double>(GradientClipping.ByNorm(2.5), g));
        Assert.Equal([0.5, -0.5], Clip<double>(GradientClipping.ByValue(0.5), g));
    }

    [Fact]
    public void Float_gradients_whose_squares_overflow_or_underflow_still_have_their_norm()
    {
        // ‖(3e19, −4e19)‖ = 5e19 fits a float, but 3e19² does not: the norm must not come out as ∞
        // (which would scale the gradient to zero instead of to length V).
        float[] huge = [3e19f, -4e19f];
        Assert.Equal(5e19, GradientClipping.Norm<float>(huge), 5e19 * 1e-7);
        GradientClipping.ByNorm(1).Apply<float>(huge);
        Assert.Equal([0.6f, -0.8f], huge, (a, b) => Math.Abs(a - b) < 1e-6f);

        float[] tiny = [3e-25f, -4e-25f];
        Assert.Equal(5e-25, GradientClipping.Norm<float>(tiny), 5e-25 * 1e-6);

        Assert.Equal(0, GradientClipping.Norm<float>(new float[5]));
        Assert.Equal(double.PositiveInfinity, GradientClipping.Norm<float>([1, float.PositiveInfinity]));
        Assert.True(double.IsNaN(GradientClipping.Norm<float>([1, float.NaN])));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Thresholds_must_be_positive_and_finite(double v)
    {
        foreach (var make in new Func<double, GradientClipping>[] { GradientClipping.ByNorm, GradientClipping.ByValue })
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => make(v));
            Assert.Equal("threshold", e.ParamName);
            Assert.Contains("> 0", e.Message);
        }
    }
}
