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
        Assert.Contains("Best on validation loss first", output);
        Assert.Contains("never used to choose", output);
        Assert.Contains(target, output);
        Assert.Equal([".coursekit-output", "report.html", "results.csv"], Directory.GetFiles(target).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(3 == File.ReadAllLines(Path.Combine(target, "results.csv")).Length, File.ReadAllText(Path.Combine(target, "results.csv")));
        string html = File.ReadAllText(Path.Combine(target, "report.html"));
        Assert.Equal(1, Count(html, "* plotly.js v")); // plotly.js is included once
        Assert.InRange(Count(html, "Plotly.newPlot('chart"), 1, 3); // the ε chart needs a search, the speed chart a reached target
        Assert.DoesNotContain("<script src", html, StringComparison.OrdinalIgnoreCase); // nothing loaded from the network
        Assert.Equal([target], Directory.GetDirectories(root)); // no temporary folder left behind
    }

    [Fact]
    public void The_table_fits_80_columns_and_says_tied_rather_than_ranking_noise()
    {
        string target = Path.Combine(Directory.CreateTempSubdirectory("coursekit-lab").FullName, "results");
        var (exit, output, error) = CliRunner.Run(LabCommand.Create(), "lab", "--optimizers", "rmsprop-nesterov,adam", "--schedules", "exponential,constant",
            "--epochs", "2", "--seeds", "2", "--no-search", "--out", target);
        Assert.True(exit == 0, error);
        string[] lines = System.Text.RegularExpressions.Regex.Replace(output, "\u001b\\[[0-9;]*m", "").Split('\n'); // colours take no columns
        int header = Array.FindIndex(lines, l => l.Contains("val. loss", StringComparison.Ordinal));
        Assert.True(header > 0, output);
        var table = lines.Skip(header - 2).TakeWhile((l, i) => i < 4 || l.Trim().Length > 0).ToList(); // title, blank, header, rule, rows
        Assert.Equal(4 + 4, table.Count);
        Assert.All(table, l => Assert.True(l.TrimEnd().Length <= 80, $"{l.TrimEnd().Length} columns: {l}"));
        Assert.Contains(table, l => l.Contains("±", StringComparison.Ordinal));
        Assert.Contains("tied with the best", output);
        Assert.DoesNotContain("wins", output);
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
