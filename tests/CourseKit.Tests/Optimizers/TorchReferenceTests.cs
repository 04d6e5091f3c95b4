using System.Text.Json;
using CourseKit.Optimizers;

namespace CourseKit.Tests.Optimizers;

/// <summary>
/// The library in double against PyTorch's optimizers, an implementation written by other people:
/// trajectories from tests/reference/torch_reference.py (committed as Reference/torch_reference.json,
/// so torch is not needed here). Only the optimizers and settings where PyTorch's update is
/// algorithms.md's rule are in the file; the script's header says why each one matches.
/// </summary>
public class TorchReferenceTests
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "torch_reference.json"))));

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        int i = 0;
        foreach (var c in Document.Value.RootElement.GetProperty("cases").EnumerateArray())
            data.Add(c.GetProperty("optimizer").GetString()!, i++);
        return data;
    }

    [Fact]
    public void The_reference_covers_every_optimizer_whose_pytorch_rule_is_the_lecture_rule()
    {
        var names = Cases().Select(row => (string)row[0]).ToHashSet();
        Assert.Equal(["adadelta", "adagrad", "adam", "adamax", "momentum", "rmsprop", "sgd"], names.Order());
        Assert.Equal(50, Document.Value.RootElement.GetProperty("steps").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_step_matches_pytorch(string name, int index)
    {
        var root = Document.Value.RootElement;
        var problem = root.GetProperty("problem");
        double[][] a = problem.GetProperty("A").EnumerateArray().Select(Doubles).ToArray();
        double[] b = Doubles(problem.GetProperty("b"));
        double c = problem.GetProperty("c").GetDouble();
        double[] θ0 = Doubles(problem.GetProperty("theta0"));

        var testCase = root.GetProperty("cases")[index];
        var optimizer = OptimizerFactory.Create<double>(name, Settings(testCase.GetProperty("settings")));
        double[][] expected = testCase.GetProperty("trajectory").EnumerateArray().Select(Doubles).ToArray();

        // ∇J for J = ½θᵀAθ − bᵀθ + (c/4)Σθᵢ⁴, in the script's order of operations, so both sides
        // start every step from bit-identical gradients.
        GradientFunction<double> gradient = (θ, g) =>
        {
            for (int i = 0; i < θ.Length; i++)
            {
                double sum = 0;
                for (int j = 0; j < θ.Length; j++) sum += a[i][j] * θ[j];
                g[i] = sum - b[i] + c * θ[i] * θ[i] * θ[i];
            }
            return 0;
        };
        double[][] actual = Trajectory.Library(optimizer, θ0, gradient, expected.Length);

        for (int k = 0; k < expected.Length; k++)
            Near.Equal(expected[k], actual[k], 1e-10, $"{name} {testCase.GetProperty("settings")} against PyTorch after step {k + 1}");
    }

    private static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(x => x.GetDouble()).ToArray();

    private static OptimizerSettings Settings(JsonElement json)
    {
        double? Get(string key) => json.TryGetProperty(key, out var value) ? value.GetDouble() : null;
        var known = new[] { "lr", "momentum", "rho", "beta1", "beta2", "delta" };
        foreach (var property in json.EnumerateObject())
            Assert.Contains(property.Name, known);
        return new OptimizerSettings
        {
            LearningRate = Get("lr"), Momentum = Get("momentum"), Rho = Get("rho"),
            Beta1 = Get("beta1"), Beta2 = Get("beta2"), Delta = Get("delta"),
        };
    }
}
