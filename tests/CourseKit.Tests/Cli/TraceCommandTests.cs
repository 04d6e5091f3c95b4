using System.Globalization;
using System.Text.Json;
using CourseKit.Cli.Commands;
using CourseKit.Optimizers;
using CourseKit.Surfaces;
using CourseKit.Trajectories;

namespace CourseKit.Tests.Cli;

public class TraceCommandTests
{
    private static (int Exit, string Out, string Err) Trace(params string[] args) =>
        CliRunner.Run(TraceCommand.Create(), ["trace", .. args]);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public void Csv_has_a_header_and_N_plus_one_rows_starting_at_the_start()
    {
        var (exit, output, _) = Trace("--optimizer", "sgd", "--surface", "rosenbrock", "--start", "-1.5,2", "--steps", "25", "--lr", "0.0001");
        Assert.Equal(0, exit);
        string[] lines = Lines(output);
        Assert.Equal("step,x,y,loss", lines[0]);
        Assert.Equal(27, lines.Length);
        Assert.Equal($"0,-1.5,2,{SurfaceCatalog.Create("rosenbrock").Value(-1.5, 2).ToString("R", CultureInfo.InvariantCulture)}", lines[1]);
        Assert.StartsWith("25,", lines[^1]);
    }

    [Fact]
    public void Csv_numbers_round_trip_and_match_the_library_path()
    {
        var (_, output, _) = Trace("--optimizer", "adam", "--surface", "beale", "--start", "1,1", "--steps", "10", "--lr", "0.05");
        var expected = Trajectory.Run(new Adam<double>(0.05), SurfaceCatalog.Create("beale"), (1, 1), 10);
        string[] rows = Lines(output)[1..];
        for (int k = 0; k < rows.Length; k++)
        {
            string[] cells = rows[k].Split(',');
            Assert.Equal(expected.Points[k].X, double.Parse(cells[1], CultureInfo.InvariantCulture));
            Assert.Equal(expected.Points[k].Y, double.Parse(cells[2], CultureInfo.InvariantCulture));
            Assert.Equal(expected.Points[k].Loss, double.Parse(cells[3], CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Hyperparameters_schedule_and_clipping_reach_the_optimizer()
    {
        var (_, output, _) = Trace("--optimizer", "rmsprop-nesterov", "--surface", "quadratic:20", "--start", "2,1", "--steps", "5",
            "--lr", "0.01", "--rho", "0.8", "--momentum", "0.5", "--delta", "1e-4", "--schedule", "step:0.5:2", "--clip-norm", "1", "--format", "json");
        using var json = JsonDocument.Parse(output);
        var points = json.RootElement.GetProperty("points");
        Assert.Equal(6, points.GetArrayLength());
        Assert.Equal(JsonValueKind.Null, points[0].GetProperty("learning_rate").ValueKind);
        double[] rates = Enumerable.Range(1, 5).Select(i => points[i].GetProperty("learning_rate").GetDouble()).ToArray();
        Assert.Equal([0.01, 0.01, 0.005, 0.005, 0.0025], rates);

        var optimizer = new RmsPropNesterov<double>(0.01, rho: 0.8, momentum: 0.5, delta: 1e-4)
        {
            Schedule = new CourseKit.Schedules.StepSchedule(0.5, 2),
            Clipping = CourseKit.Clipping.GradientClipping.ByNorm(1),
        };
        var expected = Trajectory.Run(optimizer, SurfaceCatalog.Create("quadratic:20"), (2, 1), 5);
        Assert.Equal(expected.Last.X, points[5].GetProperty("x").GetDouble());
        Assert.Equal(expected.Last.Y, points[5].GetProperty("y").GetDouble());
    }

    [Theory]
    [InlineData("--optimizer", "adamw")]
    [InlineData("--surface", "banana")]
    [InlineData("--start", "1;2")]
    [InlineData("--lr", "-0.1")]
    [InlineData("--rho", "1.5")]
    [InlineData("--momentum", "0.9")]
    [InlineData("--schedule", "cosine:5")]
    [InlineData("--steps", "-3")]
    [InlineData("--format", "xml")]
    [InlineData("--bogus", "1")]
    public void A_bad_flag_or_value_exits_2_naming_it(string flag, string value)
    {
        var args = new Dictionary<string, string>
        {
            ["--optimizer"] = "rmsprop", ["--surface"] = "saddle", ["--start"] = "1,1", ["--steps"] = "3",
        };
        if (flag == "--momentum") args["--optimizer"] = "adam"; // adam has no momentum
        args[flag] = value;
        var (exit, output, error) = Trace([.. args.SelectMany(kv => new[] { kv.Key, kv.Value })]);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        string name = flag.TrimStart('-');
        Assert.Contains(name == "lr" ? "lr" : name, error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Both_clipping_flags_at_once_is_a_usage_error()
    {
        var (exit, _, error) = Trace("--optimizer", "sgd", "--surface", "saddle", "--start", "1,1", "--steps", "3", "--clip-norm", "1", "--clip-value", "1");
        Assert.Equal(2, exit);
        Assert.Contains("--clip-norm", error);
    }

    [Fact]
    public void A_diverging_path_prints_the_rows_so_far_says_so_and_exits_1()
    {
        var (exit, output, error) = Trace("--optimizer", "sgd", "--surface", "rosenbrock", "--start", "-1.5,2", "--steps", "200", "--lr", "0.01");
        Assert.Equal(1, exit);
        string[] lines = Lines(output);
        Assert.InRange(lines.Length, 3, 201);
        Assert.All(lines[1..], l => Assert.DoesNotContain("NaN", l));
        Assert.Contains("diverged at step", error);
        Assert.Contains("learning rate", error);
    }
}
