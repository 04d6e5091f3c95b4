using CourseKit.Optimizers;
using CourseKit.Schedules;
using CourseKit.Tests.Optimizers;

namespace CourseKit.Tests.Schedules;

/// <summary>A schedule acting through an optimizer: update k uses ε_k, k counted from 0.</summary>
public class ScheduleThroughOptimizerTests
{
    private static readonly DiagonalQuadratic Problem = new(2, 0.5, 8);
    private static readonly double[] Theta0 = [1, -2, 0.5];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (string name in OptimizerFactory.Names)
            foreach (string spec in new[] { "step:0.5:3", "annealed:0.3", "exponential:0.2", "linear:4:0.001" })
                data.Add(name, spec);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Step_k_uses_epsilon_k_and_the_trajectory_is_the_reference_with_epsilon_k(string name, string spec)
    {
        var schedule = LearningRateSchedule.Parse(spec);
        var settings = OptimizerCases.First(name);
        var optimizer = OptimizerFactory.Create<double>(name, settings with { Schedule = schedule });
        double eps0 = optimizer.LearningRate;
        // The reference computes ε_k from the lecture's formulas itself.
        var reference = new ScalarReference(name, settings) { LearningRateAt = (k, e0) => Lecture(spec, k, e0) };

        double[] θ = (double[])Theta0.Clone(), θRef = (double[])Theta0.Clone();
        var g = new double[3];
        GradientFunction<double> f = Problem.For<double>();
        Assert.Equal(eps0, optimizer.CurrentLearningRate);
        for (int k = 0; k < 8; k++)
        {
            Assert.Equal(schedule.At(k, eps0), optimizer.CurrentLearningRate);
            optimizer.Step(θ, g, f);
            reference.Step(θRef, Problem.Gradient);
            Assert.Equal(Lecture(spec, k, eps0), optimizer.LastLearningRate, 1e-15 * eps0);
            Near.Equal(θRef, θ, 1e-13, $"{name} with {spec}, θ after update k = {k}");
        }
    }

    private static double Lecture(string spec, long k, double eps0) => spec.Split(':') switch
    {
        ["step", var f, var n] => eps0 * Math.Pow(double.Parse(f), Math.Floor(k / double.Parse(n))),
        ["annealed", var t] => eps0 / (1 + double.Parse(t) * k),
        ["exponential", var t] => eps0 * Math.Exp(-double.Parse(t) * k),
        ["linear", var tau, var epsTau] => (1 - Math.Min(k / double.Parse(tau), 1)) * eps0 + Math.Min(k / double.Parse(tau), 1) * double.Parse(epsTau),
        _ => throw new ArgumentException(spec),
    };

    [Fact]
    public void Sgd_under_a_step_schedule_by_hand()
    {
        // ε_k = 0.1·0.5^⌊k/2⌋ = 0.1, 0.1, 0.05; J = ½θ², ĝ = θ: θ ← (1 − ε_k)θ.
        var sgd = new Sgd<double>(0.1) { Schedule = new StepSchedule(0.5, 2) };
        double[] θ = [1];
        var g = new double[1];
        double[] expected = [0.9, 0.81, 0.7695];
        double[] rates = [0.1, 0.1, 0.05];
        for (int k = 0; k < 3; k++)
        {
            sgd.Step(θ, g, (p, grad) => { grad[0] = p[0]; return 0; });
            Assert.Equal(rates[k], sgd.LastLearningRate, 1e-17);
            Assert.Equal(expected[k], θ[0], 1e-15);
        }
    }
}
