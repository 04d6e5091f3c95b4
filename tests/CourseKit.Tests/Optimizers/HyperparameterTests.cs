using CourseKit.Optimizers;

namespace CourseKit.Tests.Optimizers;

/// <summary>
/// Out-of-range hyperparameters never become a silent NaN: each constructor throws
/// ArgumentOutOfRangeException naming the parameter and its range. Defaults are algorithms.md's table.
/// </summary>
public class HyperparameterTests
{
    // Every hyperparameter of every optimizer, by constructor parameter name.
    private static readonly Dictionary<(string Optimizer, string Parameter), Func<double, object>> Constructors = new()
    {
        [("sgd", "learningRate")] = x => new Sgd<float>(x),
        [("momentum", "learningRate")] = x => new Momentum<float>(learningRate: x),
        [("momentum", "momentum")] = x => new Momentum<float>(momentum: x),
        [("nesterov", "learningRate")] = x => new Nesterov<float>(learningRate: x),
        [("nesterov", "momentum")] = x => new Nesterov<float>(momentum: x),
        [("adagrad", "learningRate")] = x => new AdaGrad<float>(learningRate: x),
        [("adagrad", "delta")] = x => new AdaGrad<float>(delta: x),
        [("rmsprop", "learningRate")] = x => new RmsProp<float>(learningRate: x),
        [("rmsprop", "rho")] = x => new RmsProp<float>(rho: x),
        [("rmsprop", "delta")] = x => new RmsProp<float>(delta: x),
        [("rmsprop-nesterov", "learningRate")] = x => new RmsPropNesterov<float>(learningRate: x),
        [("rmsprop-nesterov", "rho")] = x => new RmsPropNesterov<float>(rho: x),
        [("rmsprop-nesterov", "momentum")] = x => new RmsPropNesterov<float>(momentum: x),
        [("rmsprop-nesterov", "delta")] = x => new RmsPropNesterov<float>(delta: x),
        [("adadelta", "learningRate")] = x => new AdaDelta<float>(learningRate: x),
        [("adadelta", "rho")] = x => new AdaDelta<float>(rho: x),
        [("adadelta", "delta")] = x => new AdaDelta<float>(delta: x),
        [("adam", "learningRate")] = x => new Adam<float>(learningRate: x),
        [("adam", "rho1")] = x => new Adam<float>(rho1: x),
        [("adam", "rho2")] = x => new Adam<float>(rho2: x),
        [("adam", "delta")] = x => new Adam<float>(delta: x),
        [("adamax", "learningRate")] = x => new Adamax<float>(learningRate: x),
        [("adamax", "rho1")] = x => new Adamax<float>(rho1: x),
        [("adamax", "rho2")] = x => new Adamax<float>(rho2: x),
        [("adamax", "delta")] = x => new Adamax<float>(delta: x),
    };

    // The allowed range as the message must state it, the values outside it, and edge values inside it.
    private static (string Range, double[] Bad, double[] Good) Kind(string parameter) => parameter switch
    {
        "learningRate" => ("> 0", [0, -0.0, -1e-3, double.NaN, double.PositiveInfinity, double.NegativeInfinity], [double.Epsilon, 1e6]),
        "delta" => (">= 0", [-1e-12, -1, double.NaN, double.PositiveInfinity], [0, 1]),
        _ => ("[0, 1)", [-1e-12, 1, 1.5, double.NaN, double.PositiveInfinity, double.NegativeInfinity], [0, 0.999999]),
    };

    public static TheoryData<string, string, double> BadValues()
    {
        var data = new TheoryData<string, string, double>();
        foreach (var (optimizer, parameter) in Constructors.Keys)
            foreach (double bad in Kind(parameter).Bad)
                data.Add(optimizer, parameter, bad);
        return data;
    }

    public static TheoryData<string, string, double> GoodValues()
    {
        var data = new TheoryData<string, string, double>();
        foreach (var (optimizer, parameter) in Constructors.Keys)
            foreach (double good in Kind(parameter).Good)
                data.Add(optimizer, parameter, good);
        return data;
    }

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Out_of_range_hyperparameter_throws_naming_the_parameter_and_its_range(string optimizer, string parameter, double value)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Constructors[(optimizer, parameter)](value));
        Assert.Equal(parameter, e.ParamName);
        Assert.Contains(parameter, e.Message);
        Assert.Contains(Kind(parameter).Range, e.Message);
    }

    [Theory]
    [MemberData(nameof(GoodValues))]
    public void Edge_values_inside_the_range_are_accepted(string optimizer, string parameter, double value) =>
        Assert.NotNull(Constructors[(optimizer, parameter)](value));

    [Fact]
    public void Every_optimizer_has_its_hyperparameters_checked()
    {
        Assert.Equal(OptimizerFactory.Names.Order(), Constructors.Keys.Select(k => k.Optimizer).Distinct().Order());
    }

    [Fact]
    public void Defaults_are_the_algorithms_md_table()
    {
        Assert.Equal(0.01, new Sgd<float>().LearningRate);
        Assert.Equal(0.9, new Momentum<float>().Alpha);
        Assert.Equal(0.9, new Nesterov<float>().Alpha);
        Assert.Equal(1e-7, new AdaGrad<float>().Delta);
        var rmsprop = new RmsProp<float>();
        Assert.Equal((0.9, 1e-6), (rmsprop.Rho, rmsprop.Delta));
        var rmspropNesterov = new RmsPropNesterov<float>();
        Assert.Equal((0.9, 0.9, 1e-6), (rmspropNesterov.Rho, rmspropNesterov.Alpha, rmspropNesterov.Delta));
        var adadelta = new AdaDelta<float>();
        Assert.Equal((0.95, 1e-6, 1.0), (adadelta.Rho, adadelta.Delta, adadelta.LearningRate)); // ε = 1: "no ε"
        var adam = new Adam<float>();
        Assert.Equal((0.001, 0.9, 0.999, 1e-8), (adam.LearningRate, adam.Rho1, adam.Rho2, adam.Delta));
        var adamax = new Adamax<float>();
        Assert.Equal((0.002, 0.9, 0.999, 1e-8), (adamax.LearningRate, adamax.Rho1, adamax.Rho2, adamax.Delta));
    }

    [Theory]
    [MemberData(nameof(OptimizerCases.Names), MemberType = typeof(OptimizerCases))]
    public void The_factory_builds_the_same_defaults_as_the_constructors(string name)
    {
        object created = OptimizerFactory.Create<double>(name);
        object constructed = name switch
        {
            "sgd" => new Sgd<double>(),
            "momentum" => new Momentum<double>(),
            "nesterov" => new Nesterov<double>(),
            "adagrad" => new AdaGrad<double>(),
            "rmsprop" => new RmsProp<double>(),
            "rmsprop-nesterov" => new RmsPropNesterov<double>(),
            "adadelta" => new AdaDelta<double>(),
            "adam" => new Adam<double>(),
            "adamax" => new Adamax<double>(),
            _ => throw new ArgumentException(name),
        };
        Assert.Equal(constructed.GetType(), created.GetType());
        Assert.Equal(name, ((Optimizer<double>)created).Name);
        foreach (var property in created.GetType().GetProperties().Where(p => p.Name is "LearningRate" or "Alpha" or "Rho" or "Rho1" or "Rho2" or "Delta"))
            Assert.Equal(property.GetValue(constructed), property.GetValue(created));
    }
}
