using System.Globalization;
using System.Net;
using System.Text;
using CourseKit.Charts;
using CourseKit.Optimizers;

namespace CourseKit.Lab;

/// <summary>
/// The lab's report, one offline HTML page: how the choices were made (on validation), what validation chose per
/// optimizer, every configuration with its intervals and its tie with the best, and three charts in which each
/// optimizer keeps one colour.
/// </summary>
public static class LabReport
{
    /// <summary>An optimizer's colour in every chart of the lab (by its place among the nine, so it never depends on the grid).</summary>
    public static string ColorOf(string optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        int i = OptimizerFactory.Names.ToList().IndexOf(optimizer);
        return ChartStyle.ColorAt(i < 0 ? OptimizerFactory.Names.Count : i);
    }

    // Series are named "optimizer" or "optimizer (schedule)".
    private static string SeriesColor(string series) => ColorOf(series.Split(' ')[0]);

    public static ChartPage Create(LabResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var s = results.Settings;
        var summary = results.Summary();
        var choices = results.Choices();
        var page = new ChartPage($"CourseKit lab: {s.Dataset}");
        page.Paragraph($"{results.Runs.Count} runs: {s.Optimizers.Count} optimizers × {s.Schedules.Count} schedules × {s.Seeds.Count} seeds, " +
                       $"{s.Epochs} epochs ({results.BudgetSteps} steps) of minibatches of {s.BatchSize}, MLP {string.Join("-", s.Hidden)} hidden (ReLU), " +
                       $"after {results.Trials.Count(t => !double.IsNaN(t.ValidationLoss))} search runs. Wall time {results.Elapsed.TotalSeconds:F1} s.");

        // The tables have many columns: let headers wrap so they fit the page.
        page.Html("<style>table.lab th{white-space:normal;vertical-align:bottom} table.lab{font-size:90%;margin-bottom:1em}</style>");
        page.Heading("How this lab chooses");
        page.Html("<ul>" + string.Concat(Method(results).Select(m => $"<li>{WebUtility.HtmlEncode(m)}</li>")) + "</ul>");

        page.Heading("Verdict (on validation)");
        page.Paragraph(Verdict(results));
        foreach (string warning in Warnings(results)) page.Html($"<p style=\"color:#a00\">⚠ {WebUtility.HtmlEncode(warning)}</p>");

        page.Heading("What validation chose for each optimizer");
        page.Html(ChoiceTable(results, choices));
        if (s.Optimizers.Contains("adadelta")) page.Paragraph(AdaDeltaNote);

        page.Heading($"Every configuration, best on validation first ({Level(s)} t-intervals over seeds; shaded, \"tied\": tied with the best)");
        page.Html(Table(results, summary));

        page.Heading("Validation loss per epoch (each optimizer with the schedule validation chose; band = min to max over seeds; dashed: target loss)");
        var curves = BandChart.Create(choices.Select(c => (
            $"{c.Optimizer} ({c.Schedule})",
            (IReadOnlyList<IReadOnlyList<double>>)results.Runs
                .Where(r => r.Optimizer == c.Optimizer && r.Schedule == c.Schedule && !r.Diverged)
                .Select(r => (IReadOnlyList<double>)r.History.Epochs.Select(e => e.ValidationLoss).ToArray()).ToList()))
            .Where(x => x.Item2.Count > 0), yTitle: "validation loss", colorOf: SeriesColor);
        page.Chart(ChartStyle.WithLayoutKey(curves, "shapes", new[] { Line("paper", 0, 1, "y", s.TargetLoss, s.TargetLoss) }));

        page.Heading($"Speed against quality: steps to validation loss {s.TargetLoss:G3} against validation loss after {results.BudgetSteps} steps (one point per optimizer × schedule, mean over seeds; configurations that missed the target in some seed are left out)");
        var reached = summary.Where(x => x.MeanStepsToTarget is not null && x.Diverged == 0).GroupBy(x => x.Optimizer).ToList();
        if (reached.Count > 0)
        {
            page.Chart(XYChart.Create(reached.Select(g => (g.Key,
                    (IReadOnlyList<double>)g.Select(x => x.MeanStepsToTarget!.Value).ToArray(), (IReadOnlyList<double>)g.Select(x => x.ValidationLoss.Mean).ToArray())),
                xTitle: "steps to the target validation loss", yTitle: $"validation loss after {results.BudgetSteps} steps", markersOnly: true, colorOf: SeriesColor));
        }
        else
        {
            page.Paragraph($"No configuration reached validation loss {s.TargetLoss:G3} in every seed.");
        }

        if (results.Trials.Any(t => !double.IsNaN(t.ValidationLoss)))
        {
            page.Heading($"Learning-rate sensitivity: validation loss after {s.SearchEpochs} search epochs against ε ÷ the optimizer's default (dotted: the search's bounds, ×/÷ {s.SearchBound:G6}; diverged points left out)");
            var sensitivity = XYChart.Create(results.Trials.GroupBy(t => t.Optimizer).Select(g => (
                g.Key, (IReadOnlyList<double>)g.Where(Finite).Select(t => t.Factor).ToArray(),
                (IReadOnlyList<double>)g.Where(Finite).Select(t => t.ValidationLoss).ToArray())),
                xTitle: "ε ÷ default ε (constant rate)", yTitle: "validation loss", logX: true, logY: true, colorOf: SeriesColor);
            page.Chart(ChartStyle.WithLayoutKey(sensitivity, "shapes", new[]
            {
                Line("x", 1 / s.SearchBound, 1 / s.SearchBound, "paper", 0, 1, "dot"),
                Line("x", s.SearchBound, s.SearchBound, "paper", 0, 1, "dot"),
            }));
        }

        if (results.TimingIsMeaningful)
        {
            page.Heading("Seconds to the target validation loss (runs are long enough for time to mean something)");
            page.Html(SecondsTable(summary));
        }
        else
        {
            page.Paragraph($"Wall time is not charted: a run took {results.Runs.Average(r => r.WallSeconds):F2} s on average, too short (under " +
                           $"{LabResults.MinimumSecondsForTiming:F0} s) for its time to say more than the scheduler's noise. Steps to the target loss measure speed instead.");
        }

        return page;

        static bool Finite(LearningRateTrial t) => !t.Diverged && double.IsFinite(t.ValidationLoss);
    }

    /// <summary>The protocol in sentences, for the report and the console: what is chosen on what, and what a row describes.</summary>
    public static IReadOnlyList<string> Method(LabResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var s = results.Settings;
        string grid = string.Join(", ", s.SearchFactors.Select(f => f.ToString("G3", CultureInfo.InvariantCulture)));
        return
        [
            s.SearchFactors.Count == 0
                ? "ε: no search (--no-search); every optimizer at its default ε."
                : $"ε: each optimizer tries its default ε × {{{grid}}} (a log grid) at a constant rate for {s.SearchEpochs} epochs and keeps the lowest validation loss; " +
                  $"while the best sits at an edge the grid grows one step past it, never beyond × or ÷ {s.SearchBound:G6}.",
            "Schedule: for each optimizer, the one with the lowest mean validation loss over seeds. Winner: the configuration with the lowest mean validation loss.",
            "The test set is scored for every configuration and reported, never used to choose.",
            $"Every number in a row describes one model per run: the network after its last epoch ({results.BudgetSteps} steps), never an earlier best epoch.",
            $"Paired seeds: seed k gives every configuration the same initial weights and the same minibatch order. Intervals are {Level(s)} t-intervals over {s.Seeds.Count} seeds; " +
            "a configuration is tied with the best when the interval of its seed-by-seed difference in validation loss from the best contains 0.",
        ];
    }

    /// <summary>The verdict in one sentence: the best on validation and the group the seeds cannot separate from it.</summary>
    public static string Verdict(LabResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var best = results.Summary()[0];
        var tied = results.TiedWithBest();
        string Name(LabSummary x) => $"{x.Optimizer}/{x.Schedule}";
        if (!results.HasIntervals)
            return $"Lowest validation loss: {Name(best)}. With one seed there is no interval, so no tie test: this is not a ranking.";
        if (tied.Count == 1)
            return $"{Name(best)} has the lowest validation loss, and every other configuration is worse by more than the noise over seeds.";
        return $"{tied.Count} of {results.Summary().Count} configurations are tied with the best ({Name(best)} has the lowest mean validation loss; " +
               "the others are marked \"tied\"): noise decides among them, so the lab names no single winner.";
    }

    /// <summary>Learning rates the search left at its bound: the best may lie beyond it.</summary>
    public static IReadOnlyList<string> Warnings(LabResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return results.Choices().Where(c => c.AtSearchBound).Select(c =>
            $"{c.Optimizer}: the chosen ε = {c.LearningRate:G3} (default × {c.Factor:G3}) is at the search's bound; a better ε may lie beyond it.").ToList();
    }

    /// <summary>What tuning AdaDelta's ε means (algorithms.md: the frameworks' step multiplier).</summary>
    public const string AdaDeltaNote =
        "AdaDelta has no learning rate in its rule: its ε here is the frameworks' step multiplier (θ ← θ + εΔθ, with u still " +
        "averaging the unscaled Δθ), and the default ε = 1 is Zeiler's rule exactly. Tuning it scales every step of the rule; a chosen " +
        "ε far from 1 says the rule's own step size is off by that factor on this problem, not that AdaDelta has found a learning rate.";

    private static Dictionary<string, object> Line(string xref, double x0, double x1, string yref, double y0, double y1, string dash = "dash") => new()
    {
        ["type"] = "line", ["xref"] = xref, ["yref"] = yref, ["x0"] = x0, ["x1"] = x1, ["y0"] = y0, ["y1"] = y1,
        ["line"] = new Dictionary<string, object> { ["color"] = "#555", ["width"] = 1, ["dash"] = dash },
    };

    private static string ChoiceTable(LabResults results, IReadOnlyList<LabChoice> choices)
    {
        var html = new StringBuilder("<table class=\"lab\"><tr><th>optimizer</th><th>ε chosen</th><th>× default</th><th>at the search's bound?</th><th>schedule chosen</th><th>validation loss</th><th>test accuracy (reported, not used to choose)</th><th>tied with the best?</th></tr>");
        foreach (var c in choices)
        {
            var row = results.Summary().First(x => x.Optimizer == c.Optimizer && x.Schedule == c.Schedule);
            html.Append(CultureInfo.InvariantCulture,
                $"<tr{Shade(row)}><td style=\"color:{ColorOf(c.Optimizer)}\">■ {E(c.Optimizer)}</td><td>{c.LearningRate:G3}</td><td>{c.Factor:G3}</td><td>{(c.AtSearchBound ? "<b style=\"color:#a00\">yes</b>" : "no")}</td>" +
                $"<td>{E(c.Schedule)}</td><td>{Interval(row.ValidationLoss, "F3")}</td><td>{Percent(row.TestAccuracy)}</td><td>{(row.TiedWithBest ? "tied" : "no")}</td></tr>");
        }

        return html.Append("</table>").ToString();
    }

    private static string Table(LabResults results, IReadOnlyList<LabSummary> summary)
    {
        var html = new StringBuilder("<table class=\"lab\"><tr><th></th><th>optimizer</th><th>schedule</th><th>ε₀</th><th>validation loss</th><th>paired Δ from the best</th><th>validation accuracy</th>" +
                                     "<th>test accuracy (reported, not used to choose)</th><th>train loss</th><th>steps to target loss</th><th>diverged</th></tr>");
        foreach (var x in summary)
        {
            string mark = x.IsBest ? "best" : x.TiedWithBest ? "tied" : "";
            html.Append(CultureInfo.InvariantCulture,
                $"<tr{Shade(x)}><td>{mark}</td><td style=\"color:{ColorOf(x.Optimizer)}\">■ {E(x.Optimizer)}</td><td>{E(x.Schedule)}</td><td>{x.LearningRate:G3}</td>" +
                $"<td>{Interval(x.ValidationLoss, "F3")}</td><td>{(x.DifferenceFromBest is { } d ? "+" + Interval(d, "F3") : "")}</td><td>{Percent(x.ValidationAccuracy)}</td><td>{Percent(x.TestAccuracy)}</td>" +
                $"<td>{x.MeanTrainLoss:G3}</td><td>{(x.MeanStepsToTarget is { } e ? e.ToString("F0", CultureInfo.InvariantCulture) : "not reached")}</td><td>{x.Diverged}/{x.Runs}</td></tr>");
        }

        return html.Append("</table>").ToString();
    }

    private static string SecondsTable(IReadOnlyList<LabSummary> summary)
    {
        var html = new StringBuilder("<table class=\"lab\"><tr><th>optimizer</th><th>schedule</th><th>seconds to target loss</th><th>seconds per run</th></tr>");
        foreach (var x in summary)
            html.Append(CultureInfo.InvariantCulture, $"<tr{Shade(x)}><td>{E(x.Optimizer)}</td><td>{E(x.Schedule)}</td><td>{(x.MeanSecondsToTarget is { } t ? t.ToString("F2", CultureInfo.InvariantCulture) : "not reached")}</td><td>{x.MeanWallSeconds:F2}</td></tr>");
        return html.Append("</table>").ToString();
    }

    /// <summary>The confidence level as people write it: "95%".</summary>
    public static string Level(LabSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return (settings.ConfidenceLevel * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
    }

    private static string Shade(LabSummary x) => x.TiedWithBest ? " style=\"background:#e6f4e6\"" : "";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Interval(ConfidenceInterval c, string format) =>
        !double.IsFinite(c.Mean) ? "∞ (diverged)"
        : c.HasWidth ? $"{c.Mean.ToString(format, CultureInfo.InvariantCulture)} ± {c.HalfWidth.ToString(format, CultureInfo.InvariantCulture)}"
        : c.Mean.ToString(format, CultureInfo.InvariantCulture);

    private static string Percent(ConfidenceInterval c) =>
        c.HasWidth
            ? string.Create(CultureInfo.InvariantCulture, $"{c.Mean * 100:F1} ± {c.HalfWidth * 100:F1} %")
            : string.Create(CultureInfo.InvariantCulture, $"{c.Mean * 100:F1} %");
}
