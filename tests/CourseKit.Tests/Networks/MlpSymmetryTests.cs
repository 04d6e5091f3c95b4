using CourseKit.Data;
using CourseKit.Networks;

namespace CourseKit.Tests.Networks;

public class MlpSymmetryTests
{
    private static readonly Dataset Data = Synthetic.GaussianBlobs(samples: 60, classes: 3, dims: 4, seed: 2);

    private static double Loss(Mlp net) => net.Evaluate(Data).Loss;

    [Fact]
    public void Permuting_hidden_units_changes_the_weights_but_not_the_outputs()
    {
        var net = new Mlp([4, 6, 5, 3], seed: 1);
        float[] before = net.Predict(Data.Features, Data.Rows), weights = net.Parameters.ToArray();
        MlpSymmetry.PermuteHiddenUnits(net, 1, [5, 4, 3, 2, 1, 0]);
        MlpSymmetry.PermuteHiddenUnits(net, 2, MlpSymmetry.RandomPermutation(5, seed: 3));
        Assert.NotEqual(weights, net.Parameters.ToArray());
        float[] after = net.Predict(Data.Features, Data.Rows);
        for (int i = 0; i < before.Length; i++) Assert.Equal(before[i], after[i], 1e-5); // float sums in another order
    }

    [Fact]
    public void A_permutation_moves_a_units_bias_and_both_weight_sets_together()
    {
        var net = new Mlp([3, 4, 2], seed: 5);
        var (into, outOf) = (net.Layers[0], net.Layers[1]);
        into.Bias.Span[2] = 0.7f;
        float inWeight = into.Weight(1, 2), outWeight = outOf.Weight(2, 1);
        MlpSymmetry.PermuteHiddenUnits(net, 1, [2, 0, 1, 3]); // new unit 0 is old unit 2
        Assert.Equal(0.7f, into.Bias.Span[0]);
        Assert.Equal(inWeight, into.Weight(1, 0));
        Assert.Equal(outWeight, outOf.Weight(0, 1));
    }

    [Fact]
    public void Rescaling_across_a_relu_keeps_the_loss_but_a_lone_scale_does_not()
    {
        var net = new Mlp([4, 6, 3], seed: 2);
        double loss = Loss(net);
        float[] weights = net.Parameters.ToArray();
        MlpSymmetry.RescaleHiddenUnit(net, 1, 0, 3.0);
        MlpSymmetry.RescaleHiddenUnit(net, 1, 4, 0.2);
        Assert.NotEqual(weights, net.Parameters.ToArray());
        Assert.Equal(loss, Loss(net), 5);

        // Scaling only the incoming side changes the function: the symmetry needs both halves.
        var (into, _) = (net.Layers[0], net.Layers[1]);
        var w = into.Weights.Span;
        for (int i = 0; i < into.Inputs; i++) w[i * into.Outputs + 1] *= 3f;
        Assert.True(Math.Abs(Loss(net) - loss) > 1e-4);
    }

    [Fact]
    public void Rescaling_across_tanh_is_refused_because_it_would_change_the_function()
    {
        var net = new Mlp([4, 6, 3], hidden: Activation.Tanh, seed: 2);
        Assert.Throws<ArgumentException>(() => MlpSymmetry.RescaleHiddenUnit(net, 1, 0, 2.0));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Rescaling_needs_a_positive_finite_factor(double factor)
    {
        var net = new Mlp([4, 6, 3], seed: 2);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => MlpSymmetry.RescaleHiddenUnit(net, 1, 0, factor));
        Assert.Equal("factor", e.ParamName);
    }

    [Fact]
    public void Bad_layers_units_and_permutations_are_refused_with_the_parameter_name()
    {
        var net = new Mlp([4, 6, 3], seed: 2);
        Assert.Equal("hiddenLayer", Assert.Throws<ArgumentOutOfRangeException>(() => MlpSymmetry.PermuteHiddenUnits(net, 2, [0, 1, 2])).ParamName);
        Assert.Equal("hiddenLayer", Assert.Throws<ArgumentOutOfRangeException>(() => MlpSymmetry.RescaleHiddenUnit(net, 0, 0, 2)).ParamName);
        Assert.Equal("unit", Assert.Throws<ArgumentOutOfRangeException>(() => MlpSymmetry.RescaleHiddenUnit(net, 1, 6, 2)).ParamName);
        Assert.Equal("permutation", Assert.Throws<ArgumentException>(() => MlpSymmetry.PermuteHiddenUnits(net, 1, [0, 1, 2, 3, 4, 4])).ParamName);
        Assert.Equal("permutation", Assert.Throws<ArgumentException>(() => MlpSymmetry.PermuteHiddenUnits(net, 1, [0, 1, 2])).ParamName);
    }

    [Fact]
    public void Random_permutations_are_seeded_and_complete()
    {
        Assert.Equal(MlpSymmetry.RandomPermutation(10, 1), MlpSymmetry.RandomPermutation(10, 1));
        Assert.NotEqual(MlpSymmetry.RandomPermutation(10, 1), MlpSymmetry.RandomPermutation(10, 2));
        Assert.Equal(Enumerable.Range(0, 10), MlpSymmetry.RandomPermutation(10, 1).Order());
    }
}
