using CourseKit.Optimizers;

namespace CourseKit.Tests.Optimizers;

/// <summary>What <see cref="Optimizer{T}.Step"/> promises around the rule: lengths, k, and Reset.</summary>
public class StepContractTests
{
    // J = ½‖θ‖² for any length.
    private static readonly GradientFunction<double> Bowl = (θ, g) =>
    {
        θ.CopyTo(g);
        return 0.5 * System.Numerics.Tensors.TensorPrimitives.Dot(θ, θ);
    };

    [Fact]
    public void A_gradient_buffer_of_another_length_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new Sgd<double>().Step(new double[3], new double[2], Bowl));
        Assert.Equal("gradient", e.ParamName);
    }

    [Fact]
    public void State_is_for_one_length_until_reset()
    {
        var adam = new Adam<double>();
        adam.Step(new double[3], new double[3], Bowl);
        var e = Assert.Throws<ArgumentException>(() => adam.Step(new double[4], new double[4], Bowl));
        Assert.Contains("Reset", e.Message);
        adam.Reset();
        Assert.Equal((0, 0L, 0L), (adam.Length, adam.UpdateCount, adam.TimeStep));
        adam.Step(new double[4], new double[4], Bowl);
        Assert.Equal((4, 1L, 1L), (adam.Length, adam.UpdateCount, adam.TimeStep));
    }

    [Theory]
    [MemberData(nameof(OptimizerCases.Names), MemberType = typeof(OptimizerCases))]
    public void Reset_starts_over_exactly(string name)
    {
        var settings = OptimizerCases.First(name);
        var optimizer = OptimizerFactory.Create<double>(name, settings);
        double[] θ0 = [1, -2, 0.5];
        var first = Trajectory.Library(optimizer, θ0, new DiagonalQuadratic(2, 0.5, 8).For<double>(), 5);
        optimizer.Reset();
        var again = Trajectory.Library(optimizer, θ0, new DiagonalQuadratic(2, 0.5, 8).For<double>(), 5);
        Assert.Equal(first, again);
        Assert.Equal(5, optimizer.UpdateCount);
    }

    [Theory]
    [MemberData(nameof(OptimizerCases.Names), MemberType = typeof(OptimizerCases))]
    public void Step_returns_the_loss_where_the_gradient_was_taken_and_counts_updates(string name)
    {
        var optimizer = OptimizerFactory.Create<double>(name, OptimizerCases.First(name));
        double[] θ = [1, -2, 0.5];
        var g = new double[3];
        for (int k = 0; k < 3; k++)
        {
            double seen = double.NaN;
            double loss = optimizer.Step(θ, g, (p, grad) => seen = Bowl(p, grad));
            Assert.Equal(seen, loss);
            Assert.Equal(k + 1, optimizer.UpdateCount);
        }
    }
}
