using System.CommandLine;
using CourseKit.Cli.Bench;
using CourseKit.Cli.Input;
using CourseKit.Optimizers;
using Spectre.Console;

namespace CourseKit.Cli.Commands;

/// <summary>
/// <c>coursekit bench</c>: the kit's performance next to this machine's limits, measured in one run
/// (absolute timings are noisy; read the ratios).
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "One JSON object per line instead of tables" };
        var sizes = new Option<string>("--sizes") { Description = "Vector sizes for the optimizer step, comma-separated", DefaultValueFactory = _ => "1000000,10000000" };
        var only = new Option<string>("--only") { Description = "Groups to run: reference,optimizer,gemm,mlp", DefaultValueFactory = _ => "reference,optimizer,gemm,mlp" };
        var minTime = CliNumbers.DoubleOption("--min-time", "Seconds each timing sample lasts at least (longer is steadier; default 0.2, at most 60)");
        var command = new Command("bench", "Measure optimizer steps, GEMM and MLP training against this machine's bandwidth and FMA limits.") { json, sizes, only, minTime };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            bool asJson = parse.GetValue(json);
            double seconds = parse.GetValue(minTime) ?? 0.2;
            if (seconds is <= 0 or > 60) throw new UsageException($"--min-time: {seconds} is out of range; the limit is more than 0 and at most 60 seconds.");
            Timing.MinSeconds = seconds;
            int[] ns = ParseSizes(parse.GetValue(sizes)!);
            var groups = parse.GetValue(only)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet();
            foreach (var group in groups)
                if (group is not ("reference" or "optimizer" or "gemm" or "mlp")) throw new UsageException($"--only: unknown group '{group}'; use reference, optimizer, gemm, mlp.");

            var records = new List<BenchRecord>();
            void Emit(BenchRecord r)
            {
                records.Add(r);
                if (asJson) output.WriteLine(r.ToJson());
            }

            var triad = new Dictionary<(int N, int Threads), double>();
            foreach (int n in ns)
            {
                foreach (int threads in new[] { 1, 2 })
                {
                    double gbps = HardwareLimits.TriadGBps(n, threads);
                    triad[(n, threads)] = gbps;
                    if (groups.Contains("reference")) Emit(new BenchRecord("reference", "triad", threads, new Dictionary<string, double> { ["gbps"] = gbps }) { N = n });
                }
            }

            var fmaPeak = new Dictionary<int, double>();
            foreach (int threads in groups.Contains("reference") || groups.Contains("gemm") ? new[] { 1, 2 } : [])
            {
                fmaPeak[threads] = HardwareLimits.FmaPeakGflops(threads);
                if (groups.Contains("reference")) Emit(new BenchRecord("reference", "fma-peak", threads, new Dictionary<string, double> { ["gflops"] = fmaPeak[threads] }));
            }

            if (groups.Contains("optimizer"))
                foreach (int n in ns)
                    foreach (int threads in new[] { 1, 2 })
                        foreach (string name in OptimizerFactory.Names)
                            Emit(OptimizerBench.Run(name, n, threads, triad[(n, threads)]));

            if (groups.Contains("gemm"))
                foreach (int b in new[] { 128, 1024 })
                    foreach (var r in GemmBench.Run(b, fmaPeak)) Emit(r);

            if (groups.Contains("mlp"))
                foreach (string shape in new[] { "digits", "mnist" })
                    foreach (int b in new[] { 32, 128, 1024 })
                        Emit(MlpBench.Run(shape, b));
            if (groups.Contains("mlp")) Emit(MlpBench.Run("mnist", 1024, threads: 2)); // the one size where a second core pays

            if (!asJson) Render(records);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The largest vector the optimizer bench steps: its buffers then take about 1 GB.</summary>
    public const int MaxSize = 50_000_000;

    private static int[] ParseSizes(string text) => CliNumbers.IntList(text, "--sizes", 1, MaxSize, maxCount: 8);

    // A column per figure name, so the table reads like the peers' tables.
    private static void Render(IReadOnlyList<BenchRecord> records)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        string[] figures = records.SelectMany(r => r.Figures.Keys).Distinct().ToArray();
        var table = new Table().AddColumns(["kind", "name", "n / shape", "batch", "threads", .. figures]);
        foreach (var r in records)
        {
            string size = r.N?.ToString("N0", inv) ?? r.Shape ?? "";
            table.AddRow([r.Kind, r.Name, size, r.Batch?.ToString(inv) ?? "", r.Threads.ToString(inv),
                .. figures.Select(f => r.Figures.TryGetValue(f, out double v) ? v.ToString("G4", inv) : "")]);
        }

        AnsiConsole.Write(table);
    }
}
