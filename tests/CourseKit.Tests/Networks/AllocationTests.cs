using CourseKit.Data;
using CourseKit.Networks;
using CourseKit.Optimizers;

namespace CourseKit.Tests.Networks;

public class AllocationTests
{
    [Theory]
    [InlineData("adam", 0.0)]
    [InlineData("nesterov", 0.0)]
    [InlineData("rmsprop-nesterov", 0.2)]
    public void A_training_step_allocates_nothing_once_buffers_exist(string optimizerName, double dropout)
    {
        var data = Synthetic.GaussianBlobs(samples: 200, classes: 10, dims: 64, seed: 1);
        var net = new Mlp([64, 64, 10], dropout: dropout, seed: 1);
        var optimizer = OptimizerFactory.Create<float>(optimizerName);
        var sampler = new MinibatchSampler(data.Rows, 32, seed: 1);

        void Epoch()
        {
            sampler.NextEpoch();
            for (int b = 0; b < sampler.BatchCount; b++)
            {
                net.LoadBatch(data, sampler.Batch(b));
                optimizer.Step(net.Parameters, net.Gradients, net.LossAndGradient);
            }
        }

        Epoch(); // warm-up: buffers, optimizer state, JIT
        Epoch();
        Assert.Equal(0, SteadyStateAllocations.Measure(() =>
        {
            for (int i = 0; i < 5; i++) Epoch();
        }));
    }

    [Fact]
    public void Evaluation_allocates_nothing_once_buffers_exist()
    {
        var data = Synthetic.GaussianBlobs(samples: 600, classes: 10, dims: 64, seed: 1);
        var net = new Mlp([64, 32, 10], seed: 1);
        net.Evaluate(data);
        net.Evaluate(data);
        Evaluation e = default;
        Assert.Equal(0, SteadyStateAllocations.Measure(() => e = net.Evaluate(data)));
        Assert.InRange(e.Accuracy, 0, 1);
    }
}
