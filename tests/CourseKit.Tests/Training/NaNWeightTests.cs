using CourseKit.Data;
using CourseKit.Networks;
using CourseKit.Optimizers;
using CourseKit.Training;

namespace CourseKit.Tests.Training;

public class NaNWeightTests
{
    [Fact]
    public void A_NaN_weight_behind_a_ReLU_shows_in_the_loss_instead_of_being_hidden()
    {
        var data = Synthetic.GaussianBlobs(samples: 64, classes: 3, dims: 4, seed: 1);
        var net = new Mlp([4, 8, 3], seed: 1);
        net.Layers[0].Weights.Span[0] = float.NaN;
        net.LoadBatch(data, 0, 32);
        Assert.True(float.IsNaN(net.ComputeLoss()));
    }

    [Fact]
    public void AdaDelta_with_delta_zero_is_reported_as_divergence_not_a_silent_plateau()
    {
        var split = Digits.LoadSplit();
        var net = new Mlp([64, 32, 10], seed: 1);
        var result = new Trainer(net, new AdaDelta<float>(delta: 0), new TrainerOptions { Epochs = 3, Seed = 1 }).Fit(split.Train, split.Validation);
        Assert.True(result.Diverged, "NaN weights must stop training with a report");
    }
}
