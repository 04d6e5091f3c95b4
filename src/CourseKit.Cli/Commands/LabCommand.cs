using System.CommandLine;
using System.Globalization;
using CourseKit.Cli.Input;
using CourseKit.Cli.Output;
using CourseKit.Lab;
using CourseKit.Optimizers;
using Spectre.Console;

namespace CourseKit.Cli.Commands;

/// <summary>
/// <c>coursekit lab</c>: the lecture's hands-on lab from the terminal. Benchmarks every optimizer ×
/// schedule × seed on a dataset, prints the ranking and writes <c>results.csv</c> and an offline
/// <c>report.html</c>.
/// </summary>
public static class LabCommand
{
    public static Command Create()
    {
        var defaults = new LabSettings();
        var dataset = new Option<string>("--dataset") { Description = "digits (bundled), spirals, moons or blobs", DefaultValueFactory = _ => defaults.Dataset };
        dataset.AcceptOnlyFromAmong([.. LabData.Names]);
        var optimizers = new Option<string>("--optimizers") { Description = "Comma-separated optimizers (default: all nine)", DefaultValueFactory = _ => string.Join(",", OptimizerFactory.Names) };
        var schedules = new Option<string>("--schedules") { Description = "Comma-separated: " + string.Join(", ", LabSchedules.Names), DefaultValueFactory = _ => string.Join(",", LabSchedules.Names) };
        var epochs = new Option<int>("--epochs") { Description = "Epochs per run", DefaultValueFactory = _ => defaults.Epochs };
        var seeds = new Option<string>("--seeds") { Description = "A count N (seeds 1..N, N at most 1,000) or a comma-separated list", DefaultValueFactory = _ => "3" };
        var batch = new Option<int>("--batch-size") { Description = "Minibatch size", DefaultValueFactory = _ => defaults.BatchSize };
        var hidden = new Option<string>("--hidden") { Description = "Hidden layer widths, comma-separated", DefaultValueFactory = _ => string.Join(",", defaults.Hidden) };
        var threads = new Option<int>("--threads") { Description = "Runs in parallel", DefaultValueFactory = _ => defaults.Threads };
        var noSearch = new Option<bool>("--no-search") { Description = "Skip the learning-rate search: every optimizer at its default ε" };
        var outDir = new Option<DirectoryInfo?>("--out") { Description = "Output folder (default: out/lab-<dataset>-<time>)" };

        var command = new Command("lab", "The hands-on lab: benchmark every optimizer and schedule on a network.")
        {
            dataset, optimizers, schedules, epochs, seeds, batch, hidden, threads, noSearch, outDir,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var settings = new LabSettings
            {
                Dataset = parse.GetValue(dataset)!,
                Optimizers = List(parse.GetValue(optimizers)!, "--optimizers"),
                Schedules = List(parse.GetValue(schedules)!, "--schedules"),
                Epochs = Limit(parse.GetValue(epochs), "--epochs", MaxEpochs),
                Seeds = Seeds(parse.GetValue(seeds)!),
                BatchSize = Limit(parse.GetValue(batch), "--batch-size", MaxBatchSize),
                Hidden = CliNumbers.IntList(parse.GetValue(hidden)!, "--hidden", 1, MaxWidth, maxCount: MaxLayers),
                Threads = Threads(parse.GetValue(threads), parse.InvocationConfiguration.Error),
                SearchFactors = parse.GetValue(noSearch) ? [] : defaults.SearchFactors,
            };
            Validate(settings);
            string target = (parse.GetValue(outDir)?.FullName)
                ?? Path.GetFullPath(Path.Combine("out", $"lab-{settings.Dataset}-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}"));
            using var written = OutputFolder.Begin(target, "lab"); // refused before the training, not after

            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
            if (Console.IsOutputRedirected || output != Console.Out) console.Profile.Width = 160; // logs and CI: no terminal to wrap to
            LabResults results = null!;
            console.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(ctx =>
                {
                    var tasks = new Dictionary<string, ProgressTask>
                    {
                        ["search"] = ctx.AddTask("learning-rate search"),
                        ["grid"] = ctx.AddTask($"grid: {settings.Optimizers.Count * settings.Schedules.Count * settings.Seeds.Count} runs"),
                    };
                    results = LabBenchmark.Run(settings, new SynchronousProgress(p =>
                    {
                        lock (tasks)
                        {
                            tasks[p.Phase].MaxValue = p.Total;
                            tasks[p.Phase].Value = p.Done;
                        }
                    }));
                    foreach (var t in tasks.Values) t.Value = t.MaxValue;
                });

            console.Write(RankedTable(results));
            console.MarkupLine(CultureInfo.InvariantCulture, "{0} runs, {1} diverged, {2:F1} s in all; the grid trained {3:N0} samples/s on {4} thread{5}.",
                results.Runs.Count, results.Runs.Count(r => r.Diverged), results.Elapsed.TotalSeconds, results.SamplesPerSecond, settings.Threads,
                settings.Threads == 1 ? "" : "s");

            File.WriteAllText(Path.Combine(written.Path, "results.csv"), results.ToCsv());
            LabReport.Create(results).Save(Path.Combine(written.Path, "report.html"));
            written.Commit();
            console.MarkupLineInterpolated($"Wrote [bold]{target}[/]: results.csv and report.html");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Table RankedTable(LabResults results)
    {
        var table = new Table().Title("Ranked by mean test accuracy over seeds")
            .AddColumns("#", "optimizer", "schedule", "ε₀", "test acc.", "± std", "val. acc.", "train loss", "epochs to target", "diverged");
        foreach (var s in results.Summary())
        {
            table.AddRow(s.Rank.ToString(CultureInfo.InvariantCulture), s.Optimizer, s.Schedule, s.LearningRate.ToString("G3", CultureInfo.InvariantCulture),
                s.MeanTestAccuracy.ToString("P2", CultureInfo.InvariantCulture), s.StdTestAccuracy.ToString("P2", CultureInfo.InvariantCulture),
                s.MeanValidationAccuracy.ToString("P2", CultureInfo.InvariantCulture), s.MeanFinalTrainLoss.ToString("G4", CultureInfo.InvariantCulture),
                s.MeanEpochsToTarget?.ToString("F1", CultureInfo.InvariantCulture) ?? "-", $"{s.Diverged}/{s.Runs}");
        }

        return table;
    }

    private static void Validate(LabSettings settings)
    {
        try
        {
            settings.Validate();
        }
        catch (ArgumentException e)
        {
            string flag = e.ParamName switch
            {
                nameof(LabSettings.Optimizers) => "--optimizers",
                nameof(LabSettings.Schedules) => "--schedules",
                nameof(LabSettings.Epochs) => "--epochs",
                nameof(LabSettings.BatchSize) => "--batch-size",
                nameof(LabSettings.Hidden) => "--hidden",
                nameof(LabSettings.Threads) => "--threads",
                nameof(LabSettings.Seeds) => "--seeds",
                nameof(LabSettings.Dataset) => "--dataset",
                _ => e.ParamName ?? "lab",
            };
            throw new UsageException($"{flag}: {e.Message.Split('\n')[0]}");
        }
    }

    // Limits stated up front (issue 13): larger values overflowed a capacity or ran out of memory after minutes.
    private const int MaxEpochs = 10_000, MaxBatchSize = 100_000, MaxWidth = 4_096, MaxLayers = 8, MaxSeeds = 1_000;

    private static string[] List(string text, string flag)
    {
        string[] items = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(s => s.ToLowerInvariant()).ToArray();
        CliNumbers.Distinct(items, flag);
        return items.Length > 0 ? items : throw new UsageException($"{flag}: give at least one name.");
    }

    private static int Limit(int value, string flag, int max) =>
        value is >= 1 && value <= max ? value : throw new UsageException($"{flag}: {value} is out of range; the limit is 1 to {max:N0}.");

    // More runs in parallel than cores only slows each run and misreports the thread count.
    private static int Threads(int requested, TextWriter error)
    {
        if (requested < 1) throw new UsageException($"--threads: {requested} is out of range; the limit is 1 to {Environment.ProcessorCount} (this machine's cores).");
        if (requested <= Environment.ProcessorCount) return requested;
        error.WriteLine($"coursekit: --threads {requested} is more than this machine's {Environment.ProcessorCount} cores; using {Environment.ProcessorCount}.");
        return Environment.ProcessorCount;
    }

    private static int[] Seeds(string text) =>
        text.Contains(',')
            ? CliNumbers.IntList(text, "--seeds", 0, int.MaxValue, maxCount: MaxSeeds)
            : Enumerable.Range(1, CliNumbers.Int(text, "--seeds", 1, MaxSeeds)).ToArray();

    // Progress<T> posts to the thread pool; the bars want the update now, from whichever core finished a run.
    private sealed class SynchronousProgress(Action<LabProgress> report) : IProgress<LabProgress>
    {
        public void Report(LabProgress value) => report(value);
    }
}
