using CourseKit.Data;
using CourseKit.Networks;

namespace CourseKit.Tests.Networks;

public class MlpTests
{
    [Fact]
    public void Parameters_are_one_buffer_and_layers_are_views_into_it()
    {
        var net = new Mlp([64, 32, 10]);
        Assert.Equal(64 * 32 + 32 + 32 * 10 + 10, net.ParameterCount);
        Assert.Equal(net.ParameterCount, net.Gradients.Length);
        var second = net.Layers[1];
        Assert.Equal(64 * 32 + 32, second.WeightOffset);
        Assert.Equal(second.WeightOffset + 32 * 10, second.BiasOffset);

        net.Parameters[second.WeightOffset + 3 * 10 + 4] = 42f; // W₂[3, 4]
        Assert.Equal(42f, second.Weight(3, 4));
        Assert.Equal(42f, second.Weights.Span[3 * 10 + 4]);
        second.Bias.Span[9] = -1f;
        Assert.Equal(-1f, net.Parameters[^1]);
    }

    [Theory]
    [InlineData(Activation.Relu, Initialization.He)]
    [InlineData(Activation.Tanh, Initialization.Glorot)]
    [InlineData(Activation.Sigmoid, Initialization.Glorot)]
    public void Default_initialisation_follows_the_activation_with_the_right_spread(Activation hidden, Initialization expected)
    {
        var net = new Mlp([200, 300, 10], hidden, seed: 3);
        Assert.Equal(expected, net.Initialization);
        var w = net.Layers[0].Weights.Span.ToArray();
        double variance = w.Select(v => (double)v * v).Average();
        double target = expected == Initialization.He ? 2.0 / 200 : 2.0 / (200 + 300); // Glorot U(−a, a): a²/3 = 2/(in+out)
        Assert.InRange(variance, target * 0.95, target * 1.05);
        Assert.All(net.Layers[0].Bias.Span.ToArray(), b => Assert.Equal(0f, b));
    }

    [Fact]
    public void Same_seed_same_weights_other_seed_other_weights()
    {
        Assert.Equal(new Mlp([5, 4, 3], seed: 1).Parameters.ToArray(), new Mlp([5, 4, 3], seed: 1).Parameters.ToArray());
        Assert.NotEqual(new Mlp([5, 4, 3], seed: 1).Parameters.ToArray(), new Mlp([5, 4, 3], seed: 2).Parameters.ToArray());
    }

    [Fact]
    public void Predict_gives_probabilities_and_Evaluate_reports_the_zero_one_loss()
    {
        var data = Synthetic.GaussianBlobs(samples: 30, classes: 3, dims: 2, seed: 1);
        var net = new Mlp([2, 8, 3], seed: 1);
        float[] p = net.Predict(data.Features, data.Rows);
        for (int i = 0; i < data.Rows; i++) Assert.Equal(1.0, p.Skip(i * 3).Take(3).Sum(), 5);

        int correct = Enumerable.Range(0, data.Rows).Count(i => Array.IndexOf(p, p.Skip(i * 3).Take(3).Max(), i * 3, 3) - i * 3 == data.Labels![i]);
        var e = net.Evaluate(data, chunk: 7);
        Assert.Equal((double)correct / data.Rows, e.Accuracy, 12);
        Assert.Equal(1 - e.Accuracy, e.ZeroOneLoss, 12);
    }

    [Fact]
    public void The_gradient_is_taken_at_the_networks_own_parameters_only()
    {
        var net = new Mlp([2, 2]);
        net.LoadBatch(Synthetic.TwoMoons(samples: 4), 0, 4);
        var ex = Assert.Throws<ArgumentException>(() => net.ComputeLossAndGradient(new float[net.ParameterCount], net.Gradients));
        Assert.Contains("net.Parameters", ex.Message);
    }

    [Fact]
    public void Mismatched_data_and_bad_shapes_are_clear_errors()
    {
        Assert.Throws<ArgumentException>(() => new Mlp([64]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Mlp([64, 0, 10]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Mlp([64, 10], dropout: 1));
        var ex = Assert.Throws<ArgumentException>(() => new Mlp([3, 2]).Evaluate(Synthetic.TwoMoons(samples: 4)));
        Assert.Contains("2 features", ex.Message);
        Assert.Throws<ArgumentException>(() => new Mlp([1, 1]).Evaluate(Synthetic.NoisyLinear(samples: 4, dims: 1).Data));
    }
}
