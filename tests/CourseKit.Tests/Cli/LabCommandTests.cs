using CourseKit.Cli.Commands;

namespace CourseKit.Tests.Cli;

public class LabCommandTests
{
    [Fact]
    public void A_small_lab_prints_the_ranking_and_writes_csv_and_an_offline_report()
    {
        string root = Directory.CreateTempSubdirectory("coursekit-lab").FullName;
        string target = Path.Combine(root, "results");
        var (exit, output, error) = CliRunner.Run(LabCommand.Create(), "lab", "--optimizers", "adam,rmsprop", "--schedules", "constant",
            "--epochs", "2", "--seeds", "1", "--no-search", "--out", target);
        Assert.True(exit == 0, error);
        Assert.Contains("Ranked by mean test accuracy", output);
        Assert.Contains(target, output);
        Assert.Equal([".coursekit-output", "report.html", "results.csv"], Directory.GetFiles(target).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(3 == File.ReadAllLines(Path.Combine(target, "results.csv")).Length, File.ReadAllText(Path.Combine(target, "results.csv")));
        string html = File.ReadAllText(Path.Combine(target, "report.html"));
        Assert.Equal(1, Count(html, "* plotly.js v")); // plotly.js is included once
        Assert.Equal(3, Count(html, "Plotly.newPlot('chart"));
        Assert.DoesNotContain("<script src", html, StringComparison.OrdinalIgnoreCase); // nothing loaded from the network
        Assert.Equal([target], Directory.GetDirectories(root)); // no temporary folder left behind
    }

    [Theory]
    [InlineData("--optimizers", "adam,adamw")]
    [InlineData("--schedules", "cosine")]
    [InlineData("--dataset", "mnist")]
    [InlineData("--epochs", "0")]
    [InlineData("--seeds", "x")]
    public void A_bad_option_exits_2_naming_it(string flag, string value)
    {
        var (exit, _, error) = CliRunner.Run(LabCommand.Create(), "lab", flag, value);
        Assert.Equal(2, exit);
        Assert.Contains(flag, error);
    }

    private static int Count(string text, string what)
    {
        int count = 0;
        for (int i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
