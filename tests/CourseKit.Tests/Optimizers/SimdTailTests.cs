using System.Numerics;
using CourseKit.Optimizers;

namespace CourseKit.Tests.Optimizers;

/// <summary>
/// The fused loop runs whole SIMD vectors and then a tail of n mod Vector&lt;T&gt;.Count elements. These
/// lengths put elements in the vector body only, the tail only, and both; every element must match the
/// scalar reference, and lanes with the same inputs must give bit-identical results wherever they sit.
/// </summary>
public class SimdTailTests
{
    // Curvature and start repeat with period 5, so element i and element i mod 5 see the same inputs:
    // one may be computed in a vector lane and the other in the tail.
    private static readonly double[] Curvatures = [2, 0.5, 8, 1, 3];
    private static readonly double[] Starts = [1, -2, 0.5, -0.75, 1.5];

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (string name in OptimizerFactory.Names)
            foreach (int n in new[] { 1, 7, 17, 1000 + 3 })
                data.Add(name, n);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Vector_and_tail_lanes_match_the_scalar_reference_in_double(string name, int n) => Check<double>(name, n, 1e-13);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Vector_and_tail_lanes_match_the_scalar_reference_in_float(string name, int n) => Check<float>(name, n, 2e-6);

    private static void Check<T>(string name, int n, double tolerance) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var problem = new DiagonalQuadratic(Enumerable.Range(0, n).Select(i => Curvatures[i % 5]).ToArray());
        double[] θ0 = Enumerable.Range(0, n).Select(i => Starts[i % 5]).ToArray();
        var settings = OptimizerCases.First(name);
        const int steps = 3;

        var expected = Trajectory.Reference(new ScalarReference(name, settings), θ0, problem.Gradient, steps);
        var actual = Trajectory.Library(OptimizerFactory.Create<T>(name, settings), θ0, problem.For<T>(), steps);

        int width = Vector<T>.Count, body = n - n % width;
        for (int k = 0; k < steps; k++)
        {
            Near.Equal(expected[k], actual[k], tolerance, $"{name}<{typeof(T).Name}> n = {n} (vector body {body}, width {width}) step {k + 1}");
            for (int i = 5; i < n; i++)
                if (actual[k][i] != actual[k][i % 5])
                    Assert.Fail($"{name}<{typeof(T).Name}> n = {n}: element {i} ({(i < body ? "vector" : "tail")}) = {actual[k][i]:R} " +
                                $"but element {i % 5} with the same inputs = {actual[k][i % 5]:R} after step {k + 1}.");
        }
    }
}
