using System.Text.RegularExpressions;
using CourseKit.Lab;
using CourseKit.Optimizers;

namespace CourseKit.Tests.Lab;

public class LabReportTests
{
    private static readonly LabSettings Small = new()
    {
        Dataset = "digits",
        Optimizers = ["adam", "rmsprop"],
        Schedules = ["constant", "step"],
        Seeds = [1, 2],
        Epochs = 3,
        SearchFactors = [0.3, 1, 3],
        SearchEpochs = 1,
        TargetLoss = 1.5,
    };

    private static readonly Lazy<LabResults> Results = new(() => LabBenchmark.Run(Small));

    // The figures of the page, one string per chart.
    private static string[] Charts(string html) =>
        Regex.Matches(html, "<div id=\"chart\\d+\".*?</script>", RegexOptions.Singleline).Select(m => m.Value).ToArray();

    [Fact]
    public void Each_optimizer_has_one_colour_in_every_chart_whatever_the_grid()
    {
        Assert.Equal(OptimizerFactory.Names.Count, OptimizerFactory.Names.Select(LabReport.ColorOf).Distinct().Count());
        string[] charts = Charts(LabReport.Create(Results.Value).ToHtml());
        Assert.Equal(3, charts.Length); // validation curves, speed, ε sensitivity
        foreach (string chart in charts)
        {
            Assert.Contains(LabReport.ColorOf("adam"), chart);
            Assert.Contains(LabReport.ColorOf("rmsprop"), chart);
            Assert.DoesNotContain(LabReport.ColorOf("sgd"), chart); // the first colour of the palette goes to sgd, absent here
        }
    }

    [Fact]
    public void The_sensitivity_chart_shows_the_search_bounds()
    {
        var results = LabBenchmark.Run(Small with { SearchBound = 20 });
        string chart = Charts(LabReport.Create(results).ToHtml())[^1];
        Assert.Matches("\"x0\":0\\.05[,}]", chart);
        Assert.Matches("\"x0\":20(\\.0)?[,}]", chart);
    }

    [Fact]
    public void The_report_says_choices_are_made_on_validation_and_what_a_row_is()
    {
        string html = LabReport.Create(Results.Value).ToHtml();
        Assert.Contains("never used to choose", html);
        Assert.Contains("after its last epoch", html);
        Assert.Contains("tied with the best", html);
        Assert.DoesNotContain(" wins", html);
        Assert.DoesNotContain("AdaDelta", html); // the note is there only when AdaDelta is in the grid
        Assert.Contains("step multiplier", LabReport.Create(LabBenchmark.Run(Small with { Optimizers = ["adadelta"], Schedules = ["constant"] })).ToHtml());
    }

    [Fact]
    public void Seconds_are_shown_only_when_runs_are_long_enough()
    {
        var r = Results.Value;
        LabResults Lasting(double seconds) => new(r.Settings, r.Runs.Select(x => x with { WallSeconds = seconds }).ToList(), r.Trials, r.Elapsed, r.GridElapsed);
        Assert.False(Lasting(0.1).TimingIsMeaningful);
        Assert.True(Lasting(LabResults.MinimumSecondsForTiming).TimingIsMeaningful);
        Assert.DoesNotContain("Seconds to the target", LabReport.Create(Lasting(0.1)).ToHtml());
        Assert.Contains("Wall time is not charted", LabReport.Create(Lasting(0.1)).ToHtml());
        Assert.Contains("Seconds to the target", LabReport.Create(Lasting(5)).ToHtml());
    }

    [Fact]
    public void The_verdict_names_the_tie_group_size_or_says_there_is_no_test_with_one_seed()
    {
        var results = Results.Value;
        int tied = results.TiedWithBest().Count;
        Assert.Contains(tied > 1 ? $"{tied} of {results.Summary().Count} configurations are tied with the best" : "worse by more than the noise", LabReport.Verdict(results));
        var one = LabBenchmark.Run(Small with { Seeds = [1], SearchFactors = [] });
        Assert.Contains("no tie test", LabReport.Verdict(one));
        Assert.All(one.Summary().Skip(1), s => Assert.False(s.TiedWithBest));
    }
}
