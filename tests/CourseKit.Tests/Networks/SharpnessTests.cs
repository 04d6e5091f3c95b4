using CourseKit.Data;
using CourseKit.Networks;

namespace CourseKit.Tests.Networks;

public class SharpnessTests
{
    private static Mlp LoadedNetwork(int seed)
    {
        var data = Synthetic.NoisyLogistic(samples: 64, dims: 4, seed: seed).Data;
        var net = new Mlp([4, 8, 2], hidden: Activation.Sigmoid, seed: seed);
        net.LoadBatch(data, 0, data.Rows);
        return net;
    }

    [Fact]
    public void The_result_is_an_eigenvalue_no_random_direction_exceeds()
    {
        var net = LoadedNetwork(3);
        double lambda = Sharpness.LargestEigenvalue(net, iterations: 200);
        Assert.True(lambda > 0, $"λ = {lambda}");
        var random = new Random(5);
        for (int trial = 0; trial < 20; trial++)
        {
            float[] d = Enumerable.Range(0, net.ParameterCount).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
            double norm2 = d.Sum(x => (double)x * x);
            Assert.True(net.Curvature(d) / norm2 <= lambda * 1.001, "a Rayleigh quotient above the largest eigenvalue");
        }
    }

    [Fact]
    public void Two_random_starts_find_the_same_eigenvalue()
    {
        var net = LoadedNetwork(4);
        double lambda = Sharpness.LargestEigenvalue(net, iterations: 300, seed: 1);
        double again = Sharpness.LargestEigenvalue(net, iterations: 300, seed: 2);
        Assert.InRange(again / lambda, 0.99, 1.01);
    }

    [Fact]
    public void Parameters_and_gradients_are_left_as_they_were()
    {
        var net = LoadedNetwork(5);
        net.ComputeLossAndGradient();
        float[] theta = net.Parameters.ToArray(), g = net.Gradients.ToArray();
        Sharpness.LargestEigenvalue(net, iterations: 5);
        Assert.Equal(theta, net.Parameters.ToArray());
        Assert.Equal(g, net.Gradients.ToArray());
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        Assert.Equal("network", Assert.Throws<ArgumentNullException>(() => Sharpness.LargestEigenvalue(null!)).ParamName);
        Assert.Equal("iterations", Assert.Throws<ArgumentOutOfRangeException>(() => Sharpness.LargestEigenvalue(LoadedNetwork(1), iterations: 0)).ParamName);
    }
}
