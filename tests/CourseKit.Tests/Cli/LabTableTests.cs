using CourseKit.Cli.Commands;
using CourseKit.Lab;
using Spectre.Console;

namespace CourseKit.Tests.Cli;

public class LabTableTests
{
    [Fact]
    public void The_ranking_of_every_optimizer_and_schedule_fits_80_columns_one_line_a_row()
    {
        var settings = new LabSettings { Dataset = "blobs", Epochs = 1, Seeds = [1], SearchFactors = [], Threads = 1 };
        var results = LabBenchmark.Run(settings);
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(text), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 80;

        console.Write(LabCommand.RankedTable(results));

        string[] lines = text.ToString().Split('\n');
        Assert.All(lines, line => Assert.True(line.TrimEnd().Length <= 80, $"{line.Length} columns: {line}"));
        var summary = results.Summary();
        Assert.Equal(45, summary.Count);
        foreach (var s in summary)
            Assert.Contains(lines, line => line.Contains($" {s.Optimizer} ", StringComparison.Ordinal) && line.Contains($" {s.Schedule} ", StringComparison.Ordinal) && line.Contains(s.LearningRate.ToString("G3", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }
}
