using System.Numerics;
using CourseKit.Optimizers;

namespace CourseKit.Tests.Optimizers;

/// <summary>
/// Hyperparameters the optimizer tests run with: every value explicit (the reference has no defaults),
/// and a second setting per optimizer whose values are all different, so that two swapped
/// hyperparameters (ρ for α, ρ₁ for ρ₂) cannot pass.
/// </summary>
internal static class OptimizerCases
{
    public static readonly (string Name, OptimizerSettings Settings)[] All =
    [
        ("sgd", new() { LearningRate = 0.1 }),
        ("sgd", new() { LearningRate = 0.03 }),
        ("momentum", new() { LearningRate = 0.05, Momentum = 0.9 }),
        ("momentum", new() { LearningRate = 0.02, Momentum = 0.6 }),
        ("nesterov", new() { LearningRate = 0.05, Momentum = 0.9 }),
        ("nesterov", new() { LearningRate = 0.02, Momentum = 0.6 }),
        ("adagrad", new() { LearningRate = 0.3, Delta = 1e-7 }),
        ("adagrad", new() { LearningRate = 0.1, Delta = 0.01 }),
        ("rmsprop", new() { LearningRate = 0.01, Rho = 0.9, Delta = 1e-6 }),
        ("rmsprop", new() { LearningRate = 0.02, Rho = 0.7, Delta = 0.001 }),
        ("rmsprop-nesterov", new() { LearningRate = 0.01, Rho = 0.9, Momentum = 0.9, Delta = 1e-6 }),
        ("rmsprop-nesterov", new() { LearningRate = 0.02, Rho = 0.8, Momentum = 0.6, Delta = 0.001 }),
        ("adadelta", new() { Rho = 0.95, Delta = 1e-6 }),
        ("adadelta", new() { Rho = 0.7, Delta = 0.001 }),
        ("adam", new() { LearningRate = 0.05, Beta1 = 0.9, Beta2 = 0.999, Delta = 1e-8 }),
        ("adam", new() { LearningRate = 0.02, Beta1 = 0.6, Beta2 = 0.95, Delta = 0.001 }),
        ("adamax", new() { LearningRate = 0.05, Beta1 = 0.9, Beta2 = 0.999, Delta = 1e-8 }),
        ("adamax", new() { LearningRate = 0.02, Beta1 = 0.6, Beta2 = 0.95, Delta = 0.001 }),
    ];

    /// <summary>Indices into <see cref="All"/> for xunit (the name shows in the test list).</summary>
    public static TheoryData<string, int> Indexed()
    {
        var data = new TheoryData<string, int>();
        for (int i = 0; i < All.Length; i++) data.Add(All[i].Name, i);
        return data;
    }

    /// <summary>The first setting of each of the nine optimizers.</summary>
    public static TheoryData<string> Names() => new(OptimizerFactory.Names);

    public static OptimizerSettings First(string name) => All.First(c => c.Name == name).Settings;
}

/// <summary>J(θ) = ½ Σ aᵢθᵢ²: ∇J = a ⊙ θ, one curvature per coordinate.</summary>
internal sealed class DiagonalQuadratic(params double[] curvatures)
{
    public double[] A { get; } = curvatures;

    public double[] Gradient(double[] θ) => θ.Select((x, i) => A[i] * x).ToArray();

    /// <summary>The same function for the library, computed in T.</summary>
    public GradientFunction<T> For<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] a = A.Select(T.CreateTruncating).ToArray();
        return (θ, g) =>
        {
            T loss = T.Zero;
            for (int i = 0; i < θ.Length; i++)
            {
                g[i] = a[i] * θ[i];
                loss += g[i] * θ[i];
            }
            return loss / T.CreateTruncating(2);
        };
    }
}

internal static class Trajectory
{
    /// <summary>θ after each of <paramref name="steps"/> library steps, as doubles.</summary>
    public static double[][] Library<T>(Optimizer<T> optimizer, double[] θ0, GradientFunction<T> f, int steps,
        List<double[]>? points = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] θ = θ0.Select(T.CreateTruncating).ToArray();
        var g = new T[θ.Length];
        GradientFunction<T> recorded = points is null ? f : (p, grad) =>
        {
            points.Add(ToDouble(p));
            return f(p, grad);
        };
        var result = new double[steps][];
        for (int k = 0; k < steps; k++)
        {
            optimizer.Step(θ, g, recorded);
            result[k] = ToDouble(θ);
        }
        return result;
    }

    /// <summary>θ after each of <paramref name="steps"/> reference steps.</summary>
    public static double[][] Reference(ScalarReference reference, double[] θ0, Func<double[], double[]> gradientAt, int steps)
    {
        var θ = (double[])θ0.Clone();
        var result = new double[steps][];
        for (int k = 0; k < steps; k++)
        {
            reference.Step(θ, gradientAt);
            result[k] = (double[])θ.Clone();
        }
        return result;
    }

    public static double[] ToDouble<T>(ReadOnlySpan<T> x) where T : IFloatingPointIeee754<T>
    {
        var d = new double[x.Length];
        for (int i = 0; i < x.Length; i++) d[i] = double.CreateTruncating(x[i]);
        return d;
    }
}

internal static class Near
{
    /// <summary>
    /// Asserts |actual − expected| ≤ tolerance·max(1, |expected|) element by element, naming the
    /// step and coordinate that differ.
    /// </summary>
    public static void Equal(double[] expected, double[] actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double allowed = tolerance * Math.Max(1, Math.Abs(expected[i]));
            if (!(Math.Abs(actual[i] - expected[i]) <= allowed))
                Assert.Fail($"{what}, coordinate {i}: expected {expected[i]:R}, got {actual[i]:R} " +
                            $"(difference {actual[i] - expected[i]:E3}, allowed {allowed:E3}).");
        }
    }
}
