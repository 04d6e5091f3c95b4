using System.Numerics;
using CourseKit.Optimizers;

namespace CourseKit.Tests.Optimizers;

/// <summary>
/// Each optimizer against algorithms.md on J = ½(2θ₁² + 0.5θ₂² + 8θ₃²) from θ₀ = (1, −2, 0.5):
/// three curvatures, so a rule that mixes up coordinates or scales cannot pass.
/// </summary>
public class FirstStepsTests
{
    private static readonly DiagonalQuadratic Problem = new(2, 0.5, 8);
    private static readonly double[] Theta0 = [1, -2, 0.5];

    // Exact inputs make the double results differ from the reference by a few ulps only; float is
    // bounded by its own rounding of O(1) numbers.
    private const double DoubleTolerance = 1e-13, FloatTolerance = 2e-6;

    public static TheoryData<string, int> Cases => OptimizerCases.Indexed();

    [Theory]
    [MemberData(nameof(Cases))]
    public void First_two_steps_match_the_scalar_reference_in_double(string name, int index) =>
        FirstTwoSteps<double>(name, index, DoubleTolerance);

    [Theory]
    [MemberData(nameof(Cases))]
    public void First_two_steps_match_the_scalar_reference_in_float(string name, int index) =>
        FirstTwoSteps<float>(name, index, FloatTolerance);

    private static void FirstTwoSteps<T>(string name, int index, double tolerance) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var settings = OptimizerCases.All[index].Settings;
        var reference = new ScalarReference(name, settings);
        var expectedPoints = new List<double[]>();
        var expected = new double[2][];
        var θ = (double[])Theta0.Clone();
        for (int k = 0; k < 2; k++)
        {
            reference.Step(θ, Problem.Gradient);
            expectedPoints.Add(reference.LastPoint);
            expected[k] = (double[])θ.Clone();
        }

        var points = new List<double[]>();
        var actual = Trajectory.Library(OptimizerFactory.Create<T>(name, settings), Theta0, Problem.For<T>(), 2, points);

        for (int k = 0; k < 2; k++)
        {
            Near.Equal(expectedPoints[k], points[k], tolerance, $"{name} ({typeof(T).Name}) gradient point of step {k + 1}");
            Near.Equal(expected[k], actual[k], tolerance, $"{name} ({typeof(T).Name}) θ after step {k + 1}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Float_and_double_agree_to_float_precision_over_100_steps(string name, int index)
    {
        var settings = OptimizerCases.All[index].Settings;
        var inDouble = Trajectory.Library(OptimizerFactory.Create<double>(name, settings), Theta0, Problem.For<double>(), 100);
        var inFloat = Trajectory.Library(OptimizerFactory.Create<float>(name, settings), Theta0, Problem.For<float>(), 100);
        // Float precision is ~1e-7 per operation; allow 1e-6 plus ten times what the problem itself
        // makes of a float-sized error (θ₀ moved by one float ulp, run in double). Most runs never
        // amplify it; RMSProp-Nesterov oscillating about a minimum with a fixed ε does, near step 100.
        var nudged = Trajectory.Library(OptimizerFactory.Create<double>(name, settings),
            Theta0.Select(x => x * (1 + Math.Pow(2, -23))).ToArray(), Problem.For<double>(), 100);
        for (int k = 0; k < 100; k++)
        {
            double amplified = inDouble[k].Zip(nudged[k], (a, b) => Math.Abs(a - b)).Max();
            Near.Equal(inDouble[k], inFloat[k], 1e-6 + 10 * amplified, $"{name}: float against double after step {k + 1}");
        }
        // And the double run is the reference over the whole run, not only the first two steps.
        var reference = Trajectory.Reference(new ScalarReference(name, settings), Theta0, Problem.Gradient, 100);
        for (int k = 0; k < 100; k++)
            Near.Equal(reference[k], inDouble[k], 1e-12, $"{name}: double against the reference after step {k + 1}");
    }

    // Step 1 worked by hand from algorithms.md: ĝ₀ = a ⊙ θ₀ = (2, −1, 4).

    [Fact]
    public void Sgd_step_one_by_hand()
    {
        // θ₁ = θ₀ − 0.1·ĝ₀
        StepOne("sgd", new() { LearningRate = 0.1 }, [0.8, -1.9, 0.1]);
    }

    [Fact]
    public void Momentum_steps_one_and_two_by_hand()
    {
        // v₁ = −0.05ĝ₀ = (−0.1, 0.05, −0.2); θ₁ = (0.9, −1.95, 0.3); ĝ₁ = (1.8, −0.975, 2.4);
        // v₂ = 0.9v₁ − 0.05ĝ₁ = (−0.18, 0.09375, −0.3); θ₂ = (0.72, −1.85625, 0).
        var settings = new OptimizerSettings { LearningRate = 0.05, Momentum = 0.9 };
        StepOne("momentum", settings, [0.9, -1.95, 0.3]);
        StepTwo("momentum", settings, [0.9, -1.95, 0.3], [0.72, -1.85625, 0]);
    }

    [Fact]
    public void Nesterov_steps_one_and_two_by_hand()
    {
        // Step 1 is momentum's (v₀ = 0). Step 2: θ̃ = θ₁ + 0.9v₁ = (0.81, −1.905, 0.12);
        // ĝ = a ⊙ θ̃ = (1.62, −0.9525, 0.96); v₂ = (−0.171, 0.092625, −0.228); θ₂ = θ₁ + v₂.
        var settings = new OptimizerSettings { LearningRate = 0.05, Momentum = 0.9 };
        StepOne("nesterov", settings, [0.9, -1.95, 0.3]);
        StepTwo("nesterov", settings, [0.81, -1.905, 0.12], [0.729, -1.857375, 0.072]);
    }

    [Fact]
    public void AdaGrad_step_one_by_hand()
    {
        // r = ĝ₀²; θ₁ = θ₀ − 0.3/(1e-7 + |ĝ₀|)·ĝ₀
        StepOne("adagrad", new() { LearningRate = 0.3, Delta = 1e-7 }, [0.7000000149999992, -1.700000029999997, 0.20000000749999985]);
    }

    [Fact]
    public void RmsProp_step_one_by_hand()
    {
        // r = 0.1ĝ₀²; θ₁ = θ₀ − 0.01/√(1e-6 + r)·ĝ₀
        StepOne("rmsprop", new() { LearningRate = 0.01, Rho = 0.9, Delta = 1e-6 }, [0.9683772629267129, -1.9683773815110133, 0.46837723328042924]);
    }

    [Fact]
    public void AdaDelta_step_one_by_hand()
    {
        // r = 0.05ĝ₀²; Δθ = −√(0 + 1e-6)/√(r + 1e-6)·ĝ₀ (not zero: δ is in the numerator too)
        StepOne("adadelta", new() { Rho = 0.95, Delta = 1e-6 }, [0.9955278752252984, -1.9955279087656892, 0.49552786684008276]);
    }

    [Fact]
    public void Adam_and_Adamax_step_one_by_hand()
    {
        // t = 1: ŝ = ĝ₀, r̂ = ĝ₀² (Adam), u = |ĝ₀| (Adamax): θ₁ = θ₀ − 0.05·ĝ₀/(|ĝ₀| + 1e-8)
        double[] expected = [0.95000000025, -1.9500000005, 0.45000000012499997];
        StepOne("adam", new() { LearningRate = 0.05, Beta1 = 0.9, Beta2 = 0.999, Delta = 1e-8 }, expected);
        StepOne("adamax", new() { LearningRate = 0.05, Beta1 = 0.9, Beta2 = 0.999, Delta = 1e-8 }, expected);
    }

    private static void StepOne(string name, OptimizerSettings settings, double[] expected)
    {
        Near.Equal(expected, Trajectory.Library(OptimizerFactory.Create<double>(name, settings), Theta0, Problem.For<double>(), 1)[0], 1e-15, name + " step 1 (double)");
        Near.Equal(expected, Trajectory.Library(OptimizerFactory.Create<float>(name, settings), Theta0, Problem.For<float>(), 1)[0], FloatTolerance, name + " step 1 (float)");
    }

    private static void StepTwo(string name, OptimizerSettings settings, double[] expectedPoint, double[] expected)
    {
        var points = new List<double[]>();
        var θ = Trajectory.Library(OptimizerFactory.Create<double>(name, settings), Theta0, Problem.For<double>(), 2, points);
        Near.Equal(expectedPoint, points[1], 1e-15, name + " gradient point of step 2");
        Near.Equal(expected, θ[1], 1e-15, name + " step 2");
    }
}
