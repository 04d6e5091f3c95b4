using CourseKit.Data;
using CourseKit.Networks;

namespace CourseKit.Tests.Networks;

public class LayerStatisticsTests
{
    private static readonly Dataset Data = Synthetic.GaussianBlobs(samples: 80, classes: 4, dims: 6, seed: 3);

    [Fact]
    public void The_last_layers_spread_is_the_spread_of_the_networks_own_outputs()
    {
        var net = new Mlp([6, 8, 8, 4], seed: 1);
        var stats = LayerStatistics.Measure(net, Data, rows: 50);
        Assert.Equal([1, 2, 3], stats.Select(s => s.Layer));
        double[] logits = net.Output.ToArray().Select(v => (double)v).ToArray();
        double mean = logits.Average();
        double std = Math.Sqrt(logits.Sum(v => (v - mean) * (v - mean)) / logits.Length);
        Assert.Equal(std, stats[^1].ActivationStd, 4);
    }

    [Fact]
    public void With_zero_biases_a_relu_network_scales_layer_l_by_gain_to_the_l()
    {
        var one = LayerStatistics.Measure(LayerStatistics.WithInitialGain([6, 8, 8, 8, 4], 1.0, seed: 2), Data);
        var half = LayerStatistics.Measure(LayerStatistics.WithInitialGain([6, 8, 8, 8, 4], 0.5, seed: 2), Data);
        for (int l = 0; l < one.Count; l++)
        {
            Assert.Equal(Math.Pow(0.5, l + 1), half[l].ActivationStd / one[l].ActivationStd, 4);
            Assert.Equal(one[l].InactiveFraction, half[l].InactiveFraction, 6);
        }
        Assert.True(one[0].InactiveFraction is > 0.2 and < 0.8, $"about half the ReLUs are off, got {one[0].InactiveFraction}");
        Assert.Equal(0, one[^1].InactiveFraction); // the identity output layer has no switched-off units
    }

    [Fact]
    public void The_weight_gradient_norm_is_the_slope_of_the_loss_along_that_layers_gradient()
    {
        var net = new Mlp([6, 8, 4], seed: 4);
        var stats = LayerStatistics.Measure(net, Data, rows: Data.Rows);
        var layer = net.Layers[0];
        float[] d = layer.WeightGradients.ToArray();
        const float h = 1e-3f;
        float[] start = layer.Weights.ToArray();
        double Loss(float t)
        {
            var w = layer.Weights.Span;
            for (int i = 0; i < w.Length; i++) w[i] = start[i] + t * d[i];
            return net.Evaluate(Data).Loss;
        }
        double slope = (Loss(h) - Loss(-h)) / (2 * h);   // = ‖∂J/∂W₁‖²
        Assert.Equal(stats[0].WeightGradientNorm * stats[0].WeightGradientNorm, slope, slope * 0.02);
    }

    [Fact]
    public void The_initial_gain_multiplies_the_default_weights_and_leaves_biases_at_zero()
    {
        var reference = new Mlp([6, 8, 4], seed: 7);
        var scaled = LayerStatistics.WithInitialGain([6, 8, 4], 2.5, seed: 7);
        float[] a = reference.Layers[1].Weights.ToArray(), b = scaled.Layers[1].Weights.ToArray();
        for (int i = 0; i < a.Length; i++) Assert.Equal(2.5f * a[i], b[i], 5);
        Assert.All(scaled.Layers[0].Bias.ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Bad_rows_and_gains_are_refused_with_the_parameter_name()
    {
        var net = new Mlp([6, 8, 4], seed: 1);
        Assert.Equal("rows", Assert.Throws<ArgumentOutOfRangeException>(() => LayerStatistics.Measure(net, Data, rows: 0)).ParamName);
        Assert.Equal("rows", Assert.Throws<ArgumentOutOfRangeException>(() => LayerStatistics.Measure(net, Data, rows: Data.Rows + 1)).ParamName);
        Assert.Equal("gain", Assert.Throws<ArgumentOutOfRangeException>(() => LayerStatistics.WithInitialGain([6, 4], 0, 1)).ParamName);
        Assert.Equal("gain", Assert.Throws<ArgumentOutOfRangeException>(() => LayerStatistics.WithInitialGain([6, 4], double.NaN, 1)).ParamName);
    }
}
