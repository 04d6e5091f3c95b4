using System.Globalization;
using System.Net;
using System.Text;
using CourseKit.Charts;

namespace CourseKit.Lab;

/// <summary>The lab's report: the ranked table and three charts in one offline HTML page.</summary>
public static class LabReport
{
    public static ChartPage Create(LabResults results)
    {
        var s = results.Settings;
        var summary = results.Summary();
        var page = new ChartPage($"CourseKit lab: {s.Dataset}");
        page.Paragraph($"{results.Runs.Count} runs: {s.Optimizers.Count} optimizers × {s.Schedules.Count} schedules × {s.Seeds.Count} seeds, " +
                       $"{s.Epochs} epochs of minibatches of {s.BatchSize}, MLP {string.Join("-", s.Hidden)} hidden (ReLU). " +
                       $"Each optimizer ran at the ε its search chose on the validation set. Wall time {results.Elapsed.TotalSeconds:F1} s.");

        page.Heading("Ranking (mean over seeds)").Html(Table(summary));

        // Each optimizer with the schedule that ranked best for it.
        var bestSchedule = summary.GroupBy(x => x.Optimizer).ToDictionary(g => g.Key, g => g.First().Schedule);
        page.Heading("Training loss per epoch (each optimizer with its best schedule; band = min to max over seeds)");
        page.Chart(BandChart.Create(bestSchedule.Select(kv => (
            $"{kv.Key} ({kv.Value})",
            (IReadOnlyList<IReadOnlyList<double>>)results.Runs
                .Where(r => r.Optimizer == kv.Key && r.Schedule == kv.Value && !r.Diverged)
                .Select(r => (IReadOnlyList<double>)r.History.Epochs.Select(e => e.TrainLoss).ToArray()).ToList())), yTitle: "training loss"));

        page.Heading("Test accuracy against wall time (one point per run)");
        page.Chart(XYChart.Create(results.Runs.Where(r => !r.Diverged).GroupBy(r => r.Optimizer).Select(g => (
            g.Key, (IReadOnlyList<double>)g.Select(r => r.WallSeconds).ToArray(), (IReadOnlyList<double>)g.Select(r => r.TestAccuracy).ToArray())),
            xTitle: "wall time of the run (s)", yTitle: "test accuracy", markersOnly: true));

        page.Heading("Learning-rate sensitivity: validation loss after the search epochs against ε");
        page.Chart(XYChart.Create(results.Trials.GroupBy(t => t.Optimizer).Select(g => (
            g.Key, (IReadOnlyList<double>)g.Select(t => t.LearningRate).ToArray(),
            (IReadOnlyList<double>)g.Select(t => t.Diverged || !double.IsFinite(t.ValidationLoss) ? double.NaN : t.ValidationLoss).ToArray())),
            xTitle: "ε (constant)", yTitle: "validation loss", logX: true, logY: true));
        return page;
    }

    private static string Table(IReadOnlyList<LabSummary> summary)
    {
        var html = new StringBuilder("<table><tr><th>rank</th><th>optimizer</th><th>schedule</th><th>ε₀</th><th>test accuracy</th><th>± (std)</th><th>validation accuracy</th><th>final train loss</th><th>epochs to target</th><th>diverged</th></tr>");
        foreach (var x in summary)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{x.Rank}</td><td>{WebUtility.HtmlEncode(x.Optimizer)}</td><td>{x.Schedule}</td><td>{x.LearningRate:G3}</td><td>{x.MeanTestAccuracy:P2}</td><td>{x.StdTestAccuracy:P2}</td>" +
                $"<td>{x.MeanValidationAccuracy:P2}</td><td>{x.MeanFinalTrainLoss:G4}</td><td>{(x.MeanEpochsToTarget is { } e ? e.ToString("F1", CultureInfo.InvariantCulture) : "not reached")}</td><td>{x.Diverged}/{x.Runs}</td></tr>");
        }

        return html.Append("</table>").ToString();
    }
}
