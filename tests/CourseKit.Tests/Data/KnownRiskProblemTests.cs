using CourseKit.Data;

namespace CourseKit.Tests.Data;

public class KnownRiskProblemTests
{
    [Fact]
    public void The_true_models_error_rate_counts_the_rows_its_rule_gets_wrong()
    {
        // w = (1, −1), b = 0.5: scores 1.5, −0.5, 0.5, −2.5 → predictions 1, 0, 1, 0; labels 1, 1, 1, 0 → one wrong.
        var problem = new KnownRiskProblem(null!, [1f, -1f], 0.5, BayesRisk: 0.3, BayesZeroOneRisk: 0.1, NoiseLevel: double.NaN);
        var data = new Dataset("four", [1, 0, 0, 1, 1, 1, -1, 2], rows: 4, columns: 2, labels: [1, 1, 1, 0], classCount: 2);
        Assert.Equal(0.25, problem.TrueModelErrorRate(data), 12);
    }

    [Fact]
    public void On_a_large_sample_it_is_near_the_bayes_error()
    {
        var p = Synthetic.NoisyLogistic(samples: 20000, dims: 3, signal: 2, seed: 4);
        Assert.InRange(p.TrueModelErrorRate(p.Data) - p.BayesZeroOneRisk, -0.015, 0.015);
    }

    [Fact]
    public void It_refuses_regression_problems_and_mismatched_data()
    {
        var linear = Synthetic.NoisyLinear(samples: 20, dims: 2, seed: 1);
        Assert.Throws<InvalidOperationException>(() => linear.TrueModelErrorRate(linear.Data));
        var logistic = Synthetic.NoisyLogistic(samples: 20, dims: 2, seed: 1);
        var other = Synthetic.NoisyLogistic(samples: 20, dims: 3, seed: 1);
        Assert.Equal("data", Assert.Throws<ArgumentException>(() => logistic.TrueModelErrorRate(other.Data)).ParamName);
        Assert.Equal("data", Assert.Throws<ArgumentException>(() => logistic.TrueModelErrorRate(linear.Data)).ParamName);
    }
}
