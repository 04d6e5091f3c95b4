using System.Globalization;
using CourseKit.Cli.Commands;
using CourseKit.Optimizers;
using CourseKit.Surfaces;
using CourseKit.Trajectories;

namespace CourseKit.Tests.Cli;

public class TraceRotatedQuadraticTests
{
    [Fact]
    public void Trace_walks_the_rotated_quadratic_like_the_library()
    {
        var (exit, output, error) = CliRunner.Run(TraceCommand.Create(),
            ["trace", "--optimizer", "adagrad", "--surface", "quadratic:100:45", "--start", "-7,-5", "--steps", "8", "--lr", "0.5"]);
        Assert.True(exit == 0, error);
        var expected = Trajectory.Run(new AdaGrad<double>(0.5), new Quadratic(100, 45), (-7, -5), 8);
        string[] rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[1..];
        Assert.Equal(9, rows.Length);
        for (int k = 0; k < rows.Length; k++)
        {
            string[] cells = rows[k].Split(',');
            Assert.Equal(expected.Points[k].X, double.Parse(cells[1], CultureInfo.InvariantCulture));
            Assert.Equal(expected.Points[k].Loss, double.Parse(cells[3], CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void A_malformed_angle_is_reported_by_trace()
    {
        var (exit, output, error) = CliRunner.Run(TraceCommand.Create(),
            ["trace", "--optimizer", "sgd", "--surface", "quadratic:100:east", "--start", "1,1", "--steps", "3"]);
        Assert.NotEqual(0, exit);
        Assert.Contains("ANGLE", output + error);
    }
}
