using CourseKit.Data;

namespace CourseKit.Tests.Data;

public class SyntheticTests
{
    public static TheoryData<string> Generators => ["spirals", "moons", "blobs", "logistic", "linear"];

    private static Dataset Make(string name, int seed) => name switch
    {
        "spirals" => Synthetic.TwoSpirals(samples: 200, seed: seed),
        "moons" => Synthetic.TwoMoons(samples: 200, seed: seed),
        "blobs" => Synthetic.GaussianBlobs(samples: 200, classes: 4, dims: 3, seed: seed),
        "logistic" => Synthetic.NoisyLogistic(samples: 200, dims: 3, seed: seed).Data,
        _ => Synthetic.NoisyLinear(samples: 200, dims: 3, seed: seed).Data,
    };

    [Theory, MemberData(nameof(Generators))]
    public void Same_seed_same_data_other_seed_other_data(string name)
    {
        var a = Make(name, 1);
        Assert.Equal(a.Features, Make(name, 1).Features);
        Assert.NotEqual(a.Features, Make(name, 2).Features);
        Assert.Equal(200, a.Rows);
        Assert.All(a.Features, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Classification_generators_balance_their_classes()
    {
        Assert.Equal([100, 100], Synthetic.TwoSpirals(samples: 200).ClassCounts());
        Assert.Equal([100, 100], Synthetic.TwoMoons(samples: 200).ClassCounts());
        Assert.Equal([50, 50, 50, 50], Synthetic.GaussianBlobs(samples: 200, classes: 4).ClassCounts());
    }

    [Fact]
    public void Noisy_linear_true_model_has_empirical_risk_near_sigma_squared()
    {
        var p = Synthetic.NoisyLinear(samples: 20000, dims: 4, noise: 0.7, seed: 3);
        Assert.Equal(0.49, p.BayesRisk, 12);
        double mse = 0;
        for (int i = 0; i < p.Data.Rows; i++)
        {
            double prediction = p.Bias;
            for (int j = 0; j < 4; j++) prediction += p.Weights[j] * p.Data.Row(i)[j];
            mse += Math.Pow(prediction - p.Data.TargetRow(i)[0], 2);
        }
        Assert.Equal(0.49, mse / p.Data.Rows, 1);
        Assert.Equal(p.BayesRisk, p.LinearRisk(p.Weights, p.Bias), 6);
        Assert.Equal(p.BayesRisk + 1, p.LinearRisk(p.Weights, p.Bias + 1), 6);
    }

    [Fact]
    public void Noisy_logistic_bayes_classifier_error_is_near_the_stated_risk()
    {
        var p = Synthetic.NoisyLogistic(samples: 40000, dims: 2, signal: 2, bias: 0.5, seed: 9);
        int errors = 0;
        double nll = 0;
        for (int i = 0; i < p.Data.Rows; i++)
        {
            double s = p.Bias + p.Weights[0] * p.Data.Row(i)[0] + p.Weights[1] * p.Data.Row(i)[1];
            int y = p.Data.Labels![i];
            if ((s > 0 ? 1 : 0) != y) errors++;
            double prob = 1 / (1 + Math.Exp(-s));
            nll -= Math.Log(y == 1 ? prob : 1 - prob);
        }
        Assert.InRange(p.BayesZeroOneRisk, 0.05, 0.45);
        Assert.True(Math.Abs((double)errors / p.Data.Rows - p.BayesZeroOneRisk) < 0.01, $"{(double)errors / p.Data.Rows} vs {p.BayesZeroOneRisk}");
        Assert.True(Math.Abs(nll / p.Data.Rows - p.BayesRisk) < 0.015, $"{nll / p.Data.Rows} vs {p.BayesRisk}");
    }
}
