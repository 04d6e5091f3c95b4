using CourseKit.Clipping;
using CourseKit.Optimizers;
using CourseKit.Schedules;

namespace CourseKit.Tests.Optimizers;

public class OptimizerFactoryTests
{
    [Theory]
    [InlineData("sgdd")]
    [InlineData("")]
    [InlineData("rmsprop_nesterov")]
    [InlineData("nadam")]
    public void Unknown_names_are_rejected_with_the_list_of_names(string name)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => OptimizerFactory.Create<float>(name));
        Assert.Equal("name", e.ParamName);
        Assert.Contains($"'{name}'", e.Message);
        foreach (string known in OptimizerFactory.Names)
            Assert.Contains(known, e.Message);
    }

    [Fact]
    public void Names_are_the_nine_of_algorithms_md_and_case_does_not_matter()
    {
        Assert.Equal(["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "rmsprop-nesterov", "adadelta", "adam", "adamax"], OptimizerFactory.Names);
        Assert.IsType<RmsPropNesterov<float>>(OptimizerFactory.Create<float>("RMSProp-Nesterov"));
    }

    // Each setting an optimizer does not have, with the one that it would be confused with.
    [Theory]
    [InlineData("sgd", "momentum")]
    [InlineData("sgd", "delta")]
    [InlineData("momentum", "rho")]
    [InlineData("nesterov", "beta1")]
    [InlineData("adagrad", "rho")]
    [InlineData("rmsprop", "momentum")]
    [InlineData("rmsprop", "beta2")]
    [InlineData("rmsprop-nesterov", "beta1")]
    [InlineData("adadelta", "momentum")]
    [InlineData("adadelta", "beta1")]
    [InlineData("adam", "momentum")]
    [InlineData("adam", "rho")]
    [InlineData("adamax", "rho")]
    public void A_setting_the_optimizer_does_not_have_is_rejected(string name, string setting)
    {
        var settings = setting switch
        {
            "momentum" => new OptimizerSettings { Momentum = 0.5 },
            "rho" => new OptimizerSettings { Rho = 0.5 },
            "beta1" => new OptimizerSettings { Beta1 = 0.5 },
            "beta2" => new OptimizerSettings { Beta2 = 0.5 },
            _ => new OptimizerSettings { Delta = 0.5 },
        };
        var e = Assert.ThrowsAny<ArgumentException>(() => OptimizerFactory.Create<double>(name, settings));
        Assert.IsNotType<ArgumentOutOfRangeException>(e);
        Assert.Equal(setting, e.ParamName);
        Assert.Contains(name, e.Message);
        Assert.Contains($"'{setting}'", e.Message);
    }

    [Fact]
    public void Settings_reach_the_optimizer()
    {
        var schedule = LearningRateSchedule.Parse("step:0.5:10");
        var clipping = GradientClipping.ByNorm(2);
        var adam = Assert.IsType<Adam<float>>(OptimizerFactory.Create<float>("adam",
            new() { LearningRate = 0.3, Beta1 = 0.2, Beta2 = 0.4, Delta = 0.5, Schedule = schedule, Clipping = clipping }));
        Assert.Equal((0.3, 0.2, 0.4, 0.5), (adam.LearningRate, adam.Rho1, adam.Rho2, adam.Delta));
        Assert.Same(schedule, adam.Schedule);
        Assert.Same(clipping, adam.Clipping);
        var rn = Assert.IsType<RmsPropNesterov<float>>(OptimizerFactory.Create<float>("rmsprop-nesterov",
            new() { LearningRate = 0.3, Rho = 0.2, Momentum = 0.4, Delta = 0.5 }));
        Assert.Equal((0.3, 0.2, 0.4, 0.5), (rn.LearningRate, rn.Rho, rn.Alpha, rn.Delta));
        var adadelta = Assert.IsType<AdaDelta<float>>(OptimizerFactory.Create<float>("adadelta", new() { Rho = 0.2, Delta = 0.5 }));
        Assert.Equal((1.0, 0.2, 0.5), (adadelta.LearningRate, adadelta.Rho, adadelta.Delta));
    }

    [Fact]
    public void Out_of_range_settings_throw_through_the_factory_too()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => OptimizerFactory.Create<float>("rmsprop", new() { Rho = 1 }));
        Assert.Equal("rho", e.ParamName);
        Assert.Contains("[0, 1)", e.Message);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => OptimizerFactory.Create<float>("sgd", new() { LearningRate = double.NaN }));
        Assert.Contains("> 0", e.Message);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => OptimizerFactory.Create<float>("adam", new() { Beta1 = 1 }));
        Assert.Contains("[0, 1)", e.Message);
    }
}
