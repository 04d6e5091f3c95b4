using CourseKit.Data;
using CourseKit.Networks;

namespace CourseKit.Tests.Networks;

/// <summary>
/// Backprop against central finite differences of an independent double-precision forward pass, for
/// every activation (hidden and output) and both losses, with and without dropout.
/// </summary>
public class GradientCheckTests
{
    public static TheoryData<Activation, Activation, LossFunction> Cases()
    {
        var data = new TheoryData<Activation, Activation, LossFunction>();
        foreach (var hidden in Enum.GetValues<Activation>())
        {
            data.Add(hidden, Activation.Identity, LossFunction.SoftmaxCrossEntropy);
            data.Add(hidden, Activation.Identity, LossFunction.MeanSquaredError);
        }
        foreach (var output in new[] { Activation.Relu, Activation.Tanh, Activation.Sigmoid })
        {
            data.Add(Activation.Tanh, output, LossFunction.MeanSquaredError);
            data.Add(Activation.Tanh, output, LossFunction.SoftmaxCrossEntropy);
        }
        return data;
    }

    [Theory, MemberData(nameof(Cases))]
    public void Backprop_matches_finite_differences(Activation hidden, Activation output, LossFunction loss)
    {
        var (net, data) = Build(hidden, output, loss, dropout: 0);
        Check(net, data, hidden, output, loss, withMasks: false);
    }

    [Theory]
    [InlineData(LossFunction.SoftmaxCrossEntropy)]
    [InlineData(LossFunction.MeanSquaredError)]
    public void Backprop_with_dropout_matches_finite_differences_for_the_same_mask(LossFunction loss)
    {
        var (net, data) = Build(Activation.Tanh, Activation.Identity, loss, dropout: 0.3);
        Check(net, data, Activation.Tanh, Activation.Identity, loss, withMasks: true);
    }

    [Fact]
    public void Regression_targets_are_used_by_the_squared_error()
    {
        var problem = Synthetic.NoisyLinear(samples: 9, dims: 3, seed: 4);
        var net = new Mlp([3, 4, 1], Activation.Sigmoid, loss: LossFunction.MeanSquaredError, seed: 2);
        net.LoadBatch(problem.Data, 0, 9);
        float analytic = net.ComputeLossAndGradient();
        var reference = new ReferenceMlp([3, 4, 1], Activation.Sigmoid, Activation.Identity, LossFunction.MeanSquaredError);
        double expected = reference.Loss(net.Parameters.ToArray().Select(v => (double)v).ToArray(), problem.Data.Features, 9, null, problem.Data.Targets);
        Assert.Equal(expected, analytic, 5);
    }

    [Fact]
    public void Cross_entropy_is_stable_for_huge_logits()
    {
        // A naive softmax would compute e^1000 = ∞ and return NaN.
        var data = new Dataset("big", [1f, -1f], 1, 2, [0], 2);
        var net = new Mlp([2, 2], seed: 0);
        net.Parameters.Clear();
        net.Layers[0].Weights.Span[0] = 1000f; // z₀ = 1000, z₁ = 0: loss ≈ 0 for label 0
        net.LoadBatch(data, 0, 1);
        float loss = net.ComputeLossAndGradient();
        Assert.True(float.IsFinite(loss) && loss >= 0 && loss < 1e-6, $"loss {loss}");
        Assert.All(net.Gradients.ToArray(), g => Assert.True(float.IsFinite(g)));
    }

    private static (Mlp, Dataset) Build(Activation hidden, Activation output, LossFunction loss, double dropout)
    {
        var data = Synthetic.GaussianBlobs(samples: 7, classes: 3, dims: 5, spread: 1, centerBox: 1, seed: 11);
        var net = new Mlp([5, 6, 4, 3], hidden, output, loss, seed: 3, dropout: dropout);
        // Biases away from 0 so ReLU kinks are not hit by the ± h steps at initialisation's zeros.
        var random = new Random(5);
        foreach (var layer in net.Layers)
            foreach (ref float b in layer.Bias.Span) b = (float)(random.NextDouble() - 0.5);
        return (net, data);
    }

    private static void Check(Mlp net, Dataset data, Activation hidden, Activation output, LossFunction loss, bool withMasks)
    {
        int m = data.Rows;
        net.LoadBatch(data, 0, m);
        float analyticLoss = net.ComputeLossAndGradient();
        float[] analytic = net.Gradients.ToArray();

        int[] sizes = net.Sizes.ToArray();
        float[]?[]? masks = null;
        if (withMasks)
        {
            masks = new float[sizes.Length][];
            for (int l = 1; l < sizes.Length - 1; l++) masks[l] = net.DropoutMask(l).ToArray();
            Assert.Contains(0f, masks[1]!); // the mask really drops something
        }
        var reference = new ReferenceMlp(sizes, hidden, output, loss);
        double[] theta = net.Parameters.ToArray().Select(v => (double)v).ToArray();
        float[] x = net.InputBatch.ToArray();

        Assert.Equal(reference.Loss(theta, x, m, data.Labels, null, masks), analyticLoss, 5);

        const double h = 1e-6;
        for (int i = 0; i < theta.Length; i++)
        {
            double saved = theta[i];
            theta[i] = saved + h;
            double plus = reference.Loss(theta, x, m, data.Labels, null, masks);
            theta[i] = saved - h;
            double minus = reference.Loss(theta, x, m, data.Labels, null, masks);
            theta[i] = saved;
            double numeric = (plus - minus) / (2 * h);
            double tolerance = 1e-4 + 1e-3 * Math.Abs(numeric);
            Assert.True(Math.Abs(numeric - analytic[i]) <= tolerance,
                $"∂J/∂θ[{i}]: backprop {analytic[i]}, finite differences {numeric} ({hidden}/{output}/{loss})");
        }
    }
}
