using CourseKit.Schedules;
using CsCheck;

namespace CourseKit.Tests.Schedules;

/// <summary>The lecture's four schedules, as properties over generated ε₀, k and parameters.</summary>
public class ScheduleTests
{
    private static readonly Gen<double> InitialRate = Gen.Double[1e-6, 10];
    private static readonly Gen<long> K = Gen.Long[0, 1_000_000];

    private static readonly Gen<LearningRateSchedule> AnySchedule = Gen.OneOf<LearningRateSchedule>(
        Gen.Const(LearningRateSchedule.Constant),
        Gen.Select(Gen.Double[1e-3, 1], Gen.Int[1, 10_000], (f, n) => new StepSchedule(f, n)),
        Gen.Double[0, 10].Select(t => new AnnealedSchedule(t)),
        Gen.Double[0, 1].Select(t => new ExponentialSchedule(t)),
        Gen.Select(Gen.Int[1, 100_000], Gen.Double[1e-8, 10], (tau, e) => new LinearSchedule(tau, e)));

    private static readonly Gen<LearningRateSchedule> Decaying = Gen.OneOf<LearningRateSchedule>(
        Gen.Select(Gen.Double[1e-3, 1], Gen.Int[1, 1000], (f, n) => new StepSchedule(f, n)),
        Gen.Double[0, 10].Select(t => new AnnealedSchedule(t)),
        Gen.Double[0, 1].Select(t => new ExponentialSchedule(t)));

    [Fact]
    public void Every_schedule_starts_at_epsilon_zero() =>
        Gen.Select(AnySchedule, InitialRate).Sample((s, eps0) => s.At(0, eps0) == eps0);

    [Fact]
    public void Step_annealed_and_exponential_never_increase() =>
        Gen.Select(Decaying, InitialRate, K).Sample((s, eps0, k) => s.At(k + 1, eps0) <= s.At(k, eps0));

    [Fact]
    public void Step_is_exactly_epsilon_zero_times_F_to_the_floor_of_k_over_N() =>
        Gen.Select(Gen.Double[1e-3, 1], Gen.Int[1, 1000], InitialRate, K).Sample((f, n, eps0, k) =>
        {
            var s = new StepSchedule(f, n);
            Assert.Equal(eps0 * Math.Pow(f, Math.Floor((double)k / n)), s.At(k, eps0));
            // Piecewise constant: the whole block of N updates containing k has k's rate.
            long blockStart = k / n * n;
            Assert.Equal(s.At(blockStart, eps0), s.At(blockStart + n - 1, eps0));
        });

    [Fact]
    public void Step_by_hand()
    {
        var s = LearningRateSchedule.Parse("step:0.5:3");
        Assert.Equal([0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025], Enumerable.Range(0, 7).Select(k => s.At(k, 0.1)));
    }

    [Fact]
    public void Annealed_and_exponential_are_the_lecture_formulas() =>
        Gen.Select(Gen.Double[0, 10], InitialRate, K).Sample((t, eps0, k) =>
        {
            Assert.Equal(eps0 / (1 + t * k), new AnnealedSchedule(t).At(k, eps0), eps0 * 1e-15);
            Assert.Equal(eps0 * Math.Exp(-t * k), new ExponentialSchedule(t).At(k, eps0), eps0 * 1e-15);
        });

    [Fact]
    public void Linear_interpolates_until_tau_then_stays_at_epsilon_tau() =>
        Gen.Select(Gen.Int[1, 10_000], Gen.Double[1e-8, 10], InitialRate, K).Sample((tau, epsTau, eps0, k) =>
        {
            var s = new LinearSchedule(tau, epsTau);
            double atK = s.At(k, eps0);
            if (k >= tau)
            {
                Assert.Equal(epsTau, atK);
            }
            else
            {
                double α = (double)k / tau;
                Assert.Equal((1 - α) * eps0 + α * epsTau, atK, Math.Max(eps0, epsTau) * 1e-15);
                Assert.InRange(atK, Math.Min(eps0, epsTau) * (1 - 1e-15), Math.Max(eps0, epsTau) * (1 + 1e-15));
            }
            Assert.Equal(epsTau, s.At(tau, eps0));
        });

    [Fact]
    public void Parse_round_trips_Spec() =>
        AnySchedule.Sample(s =>
        {
            var parsed = LearningRateSchedule.Parse(s.Spec);
            Assert.Equal(s, parsed);
            Assert.Equal(s.Spec, parsed.Spec);
        });

    [Theory]
    [InlineData("constant", "constant")]
    [InlineData("  Constant ", "constant")]
    [InlineData("step:0.5:100", "step:0.5:100")]
    [InlineData("STEP:0.5:100", "step:0.5:100")]
    [InlineData("annealed:0.01", "annealed:0.01")]
    [InlineData("exponential:1e-3", "exponential:0.001")]
    [InlineData("linear:1000:0.0001", "linear:1000:0.0001")]
    public void Parse_reads_the_five_forms(string spec, string canonical) =>
        Assert.Equal(canonical, LearningRateSchedule.Parse(spec).Spec);

    [Theory]
    [InlineData("")]
    [InlineData("cosine")]
    [InlineData("constant:1")]
    [InlineData("step")]
    [InlineData("step:0.5")]
    [InlineData("step:0.5:10:2")]
    [InlineData("step:half:10")]
    [InlineData("step:0.5:2.5")]
    [InlineData("annealed")]
    [InlineData("annealed:")]
    [InlineData("annealed:fast")]
    [InlineData("exponential:0,1")]
    [InlineData("linear:100")]
    [InlineData("linear:ten:0.1")]
    [InlineData("linear:100:small")]
    public void Parse_rejects_bad_specs_with_a_FormatException_naming_the_forms(string spec)
    {
        var e = Assert.Throws<FormatException>(() => LearningRateSchedule.Parse(spec));
        Assert.Contains($"'{spec}'", e.Message);
        foreach (string form in new[] { "constant", "step:F:N", "annealed:T", "exponential:T", "linear:TAU:EPS_TAU" })
            Assert.Contains(form, e.Message);
    }

    [Theory]
    [InlineData("step:0:10", "factor", "(0, 1]")]
    [InlineData("step:1.5:10", "factor", "(0, 1]")]
    [InlineData("step:NaN:10", "factor", "(0, 1]")]
    [InlineData("step:0.5:0", "every", ">= 1")]
    [InlineData("annealed:-1", "rate", ">= 0")]
    [InlineData("annealed:Infinity", "rate", ">= 0")]
    [InlineData("exponential:-0.1", "rate", ">= 0")]
    [InlineData("exponential:NaN", "rate", ">= 0")]
    [InlineData("linear:0:0.1", "tau", ">= 1")]
    [InlineData("linear:10:0", "finalRate", "> 0")]
    [InlineData("linear:10:-1", "finalRate", "> 0")]
    public void Parse_rejects_numbers_out_of_range_naming_the_parameter_and_range(string spec, string parameter, string range)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Parse(spec));
        Assert.Equal(parameter, e.ParamName);
        Assert.Contains(range, e.Message);
    }

    [Fact]
    public void At_rejects_a_negative_k_or_a_bad_epsilon_zero()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Constant.At(-1, 0.1));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new AnnealedSchedule(1).At(0, 0));
        Assert.Equal("initialRate", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new StepSchedule(0.5, 2).At(3, double.NaN));
    }
}
