using CourseKit.Data;
using CourseKit.Networks;

namespace CourseKit.Tests.Networks;

public class HessianTests
{
    [Fact]
    public void Curvature_along_the_gradient_matches_second_differences_of_the_loss()
    {
        var data = Synthetic.TwoMoons(samples: 40, seed: 2);
        var net = new Mlp([2, 8, 2], Activation.Tanh, seed: 1);
        net.LoadBatch(data, 0, data.Rows);
        net.ComputeLossAndGradient();
        float[] g = net.Gradients.ToArray();

        double gHg = net.Curvature(g);

        // gᵀHg = d²/dt² J(θ + t g) at t = 0, by a second difference in double on the reference network.
        var reference = new ReferenceMlp([2, 8, 2], Activation.Tanh, Activation.Identity, LossFunction.SoftmaxCrossEntropy);
        double[] theta = net.Parameters.ToArray().Select(v => (double)v).ToArray();
        double J(double t) => reference.Loss(theta.Select((v, i) => v + t * g[i]).ToArray(), data.Features, data.Rows, data.Labels, null);
        double t0 = 1e-3 / Math.Sqrt(g.Sum(v => (double)v * v));
        double expected = (J(t0) - 2 * J(0) + J(-t0)) / (t0 * t0);

        Assert.True(Math.Abs(gHg - expected) <= 0.02 * Math.Abs(expected) + 1e-6, $"gᵀHg = {gHg}, second difference {expected}");
        Assert.Equal(g, net.Gradients.ToArray()); // the gradient buffer is left alone
    }

    [Fact]
    public void Hessian_vector_product_of_a_linear_least_squares_model_is_exact()
    {
        // One identity layer with MSE, one output: J = (1/m) Σ (wᵀx + b − t)², so H = (2/m) [X 1]ᵀ[X 1].
        var problem = Synthetic.NoisyLinear(samples: 30, dims: 3, seed: 5);
        var net = new Mlp([3, 1], output: Activation.Identity, loss: LossFunction.MeanSquaredError, seed: 1);
        net.LoadBatch(problem.Data, 0, 30);
        float[] v = [0.3f, -1.2f, 0.7f, 0.5f]; // w₁..w₃ then b
        var hv = new float[4];
        net.HessianVectorProduct(v, hv);

        var x = problem.Data.Features;
        for (int a = 0; a < 4; a++)
        {
            double expected = 0;
            for (int i = 0; i < 30; i++)
            {
                double xa = a < 3 ? x[i * 3 + a] : 1;
                double xv = v[3];
                for (int j = 0; j < 3; j++) xv += x[i * 3 + j] * v[j];
                expected += 2.0 / 30 * xa * xv;
            }
            Assert.True(Math.Abs(hv[a] - expected) <= 1e-3 * Math.Max(1, Math.Abs(expected)), $"(Hv)[{a}] = {hv[a]}, expected {expected}");
        }
    }
}
