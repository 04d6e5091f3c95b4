using CourseKit.Notebooks;
using CourseKit.Optimizers;

namespace CourseKit.Tests.Notebooks;

public class OptimizerCheckTests
{
    // What a student might write, with slips switched on; plain loops, as a student writes them.
    private sealed class Student(string rule, double eps0, double rho1, double rho2, double delta, Slip slip, bool written = true, bool implemented = true)
        : Optimizer<float>(eps0)
    {
        private double[] _s = [], _r = [];
        private int _t;

        public override string Name => rule;

        protected override void AllocateState(int length) => (_s, _r, _t) = (new double[length], new double[length], 0);

        protected override void Update(Span<float> theta, ReadOnlySpan<float> g, double eps)
        {
            if (!implemented) throw new NotImplementedException();
            if (slip.HasFlag(Slip.InitialRateInsteadOfScheduled)) eps = LearningRate;
            _t++;
            int t = slip.HasFlag(Slip.TimeStepOffByOne) ? _t + 1 : _t;
            bool misplaced = slip.HasFlag(Slip.DeltaMisplaced);
            for (int i = 0; i < theta.Length; i++)
            {
                double step;
                if (rule == "adagrad")
                {
                    _r[i] += g[i] * g[i];
                    step = eps * g[i] / (misplaced ? Math.Sqrt(_r[i] + delta) : delta + Math.Sqrt(_r[i]));
                }
                else if (rule == "rmsprop")
                {
                    _r[i] = rho1 * _r[i] + (1 - rho1) * g[i] * g[i];
                    step = eps * g[i] / (misplaced ? Math.Sqrt(_r[i]) + delta : Math.Sqrt(delta + _r[i]));
                }
                else
                {
                    _s[i] = rho1 * _s[i] + (1 - rho1) * g[i];
                    _r[i] = rho2 * _r[i] + (1 - rho2) * g[i] * g[i];
                    double sHat = _s[i], rHat = _r[i];
                    if (slip.HasFlag(Slip.SwappedBiasCorrection)) (sHat, rHat) = (sHat / (1 - Math.Pow(rho2, t)), rHat / (1 - Math.Pow(rho1, t)));
                    else if (!slip.HasFlag(Slip.NoBiasCorrection)) (sHat, rHat) = (sHat / (1 - Math.Pow(rho1, t)), rHat / (1 - Math.Pow(rho2, t)));
                    step = eps * sHat / (misplaced ? Math.Sqrt(rHat + delta) : Math.Sqrt(rHat) + delta);
                }

                if (written) theta[i] = (float)(slip.HasFlag(Slip.WrongSign) ? theta[i] + step : theta[i] - step);
            }
        }
    }

    private static CheckReport Check(string rule, Slip slip, bool written = true, bool implemented = true) => rule switch
    {
        "adagrad" => OptimizerCheck.AdaGrad((e, d) => new Student(rule, e, 0, 0, d, slip, written, implemented)),
        "rmsprop" => OptimizerCheck.RmsProp((e, rho, d) => new Student(rule, e, rho, 0, d, slip, written, implemented)),
        _ => OptimizerCheck.Adam((e, r1, r2, d) => new Student(rule, e, r1, r2, d, slip, written, implemented)),
    };

    [Theory]
    [InlineData("adagrad")]
    [InlineData("rmsprop")]
    [InlineData("adam")]
    public void A_correct_rule_passes_every_case(string rule)
    {
        var report = Check(rule, Slip.None);
        Assert.True(report.Passed, report.ToString());
        Assert.Equal(Slip.None, report.Found);
        Assert.All(report.Findings, f => Assert.StartsWith("✓", f));
        Assert.Contains("all checks pass", report.ToString());
    }

    [Theory]
    [InlineData("adagrad", Slip.WrongSign, "uphill")]
    [InlineData("adagrad", Slip.DeltaMisplaced, "δ is inside the root")]
    [InlineData("adagrad", Slip.InitialRateInsteadOfScheduled, "not LearningRate")]
    [InlineData("rmsprop", Slip.WrongSign, "uphill")]
    [InlineData("rmsprop", Slip.DeltaMisplaced, "δ is outside the root")]
    [InlineData("rmsprop", Slip.InitialRateInsteadOfScheduled, "use ε_k")]
    [InlineData("adam", Slip.WrongSign, "uphill")]
    [InlineData("adam", Slip.DeltaMisplaced, "δ is inside the root")]
    [InlineData("adam", Slip.NoBiasCorrection, "bias correction is missing")]
    [InlineData("adam", Slip.SwappedBiasCorrection, "swapped")]
    [InlineData("adam", Slip.TimeStepOffByOne, "off by one")]
    [InlineData("adam", Slip.InitialRateInsteadOfScheduled, "use ε_k")]
    [InlineData("adam", Slip.TimeStepOffByOne | Slip.WrongSign, "off by one")]
    public void Each_classic_slip_is_recognised_and_named_in_words(string rule, Slip slip, string words)
    {
        var report = Check(rule, slip);
        Assert.False(report.Passed);
        Assert.Equal(slip, report.Found);
        Assert.Contains(words, report.ToString());
    }

    [Fact]
    public void Using_eps0_fails_only_the_case_under_a_schedule()
    {
        var report = Check("rmsprop", Slip.InitialRateInsteadOfScheduled);
        Assert.Equal(Slip.InitialRateInsteadOfScheduled, report.Found);
        var failed = report.Findings.Where(f => f.StartsWith('✗')).ToList();
        Assert.Single(failed);
        Assert.StartsWith("✗ under the schedule step:0.5:3", failed[0]);
    }

    [Fact]
    public void An_unimplemented_rule_reports_not_implemented_yet_rather_than_throwing()
    {
        var report = Check("adam", Slip.None, implemented: false);
        Assert.False(report.Passed);
        Assert.False(report.Implemented);
        Assert.StartsWith("Adam: not implemented yet.", report.ToString());
    }

    [Fact]
    public void A_rule_that_never_writes_theta_is_told_so()
    {
        Assert.Contains("never moved", Check("adagrad", Slip.None, written: false).ToString());
    }

    [Fact]
    public void A_slip_outside_the_catalogue_gets_the_first_differing_number()
    {
        // RMSProp's ρ and 1−ρ swapped: no classic slip, so the report points at a coordinate.
        var report = OptimizerCheck.RmsProp((e, rho, d) => new Student("rmsprop", e, 1 - rho, 0, d, Slip.None));
        Assert.Equal(Slip.None, report.Found);
        Assert.Contains("no classic slip explains it", report.ToString());
    }

    [Theory]
    [InlineData("AdaGrad")]
    [InlineData("RMSProp")]
    [InlineData("Adam")]
    public void The_slip_free_model_gives_the_library_optimizers_path(string rule)
    {
        // The slips are modelled beside a plain rule; that plain rule must be the library's optimizer.
        foreach (var test in OptimizerCheck.Cases)
        {
            Optimizer<float> library = rule switch
            {
                "AdaGrad" => new AdaGrad<float>(test.Eps, test.Delta),
                "RMSProp" => new RmsProp<float>(test.Eps, test.Rho1, test.Delta),
                _ => new Adam<float>(test.Eps, test.Rho1, test.Rho2, test.Delta),
            };
            var expected = OptimizerCheck.Run(library, test);
            var model = OptimizerCheck.Model(rule, test, Slip.None);
            Assert.Equal(expected.Length, model.Length);
            for (int k = 1; k < model.Length; k++)
                for (int i = 0; i < model[k].Length; i++)
                    Assert.True(Math.Abs(model[k][i] - expected[k][i]) <= 1e-5 * Math.Max(1, Math.Abs(expected[k][i])), $"{test.Name}, step {k}, θ[{i}]: {model[k][i]} vs {expected[k][i]}");
            Assert.NotEqual(test.Start, expected[^1]);
        }
    }

    [Fact]
    public void The_report_renders_as_html()
    {
        string html = Check("adam", Slip.WrongSign).ToHtml();
        Assert.Contains("<li>", html);
        Assert.Contains("Adam: not yet.", html);
    }
}
