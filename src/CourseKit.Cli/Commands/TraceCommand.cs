using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CourseKit.Charts;
using CourseKit.Cli.Input;
using CourseKit.Cli.Output;
using CourseKit.Clipping;
using CourseKit.Optimizers;
using CourseKit.Schedules;
using CourseKit.Surfaces;
using CourseKit.Trajectories;

namespace CourseKit.Cli.Commands;

/// <summary>
/// <c>coursekit trace</c>: one optimizer's path on one surface, as CSV or JSON on standard output
/// (and optionally a self-contained HTML chart). The kit's black-box contract.
/// </summary>
public static class TraceCommand
{
    public static Command Create()
    {
        var optimizer = new Option<string>("--optimizer") { Description = "Optimizer: " + string.Join(", ", OptimizerFactory.Names), Required = true };
        optimizer.AcceptOnlyFromAmong([.. OptimizerFactory.Names]);
        var surface = new Option<string>("--surface") { Description = "Surface: " + string.Join(", ", SurfaceCatalog.Names) + " (quadratic:KAPPA sets κ)", Required = true };
        var start = new Option<string>("--start") { Description = "Start point X,Y", Required = true };
        var steps = new Option<int>("--steps") { Description = "Number of updates N (N+1 rows)", Required = true };
        var lr = CliNumbers.DoubleOption("--lr", "ε, or ε₀ under a schedule");
        var momentum = CliNumbers.DoubleOption("--momentum", "α (momentum, nesterov, rmsprop-nesterov)");
        var rho = CliNumbers.DoubleOption("--rho", "ρ (rmsprop, rmsprop-nesterov, adadelta)");
        var beta1 = CliNumbers.DoubleOption("--beta1", "ρ₁ (adam, adamax)");
        var beta2 = CliNumbers.DoubleOption("--beta2", "ρ₂ (adam, adamax)");
        var delta = CliNumbers.DoubleOption("--delta", "δ");
        var schedule = new Option<string>("--schedule") { Description = "constant, step:F:N, annealed:T, exponential:T or linear:TAU:EPS_TAU", DefaultValueFactory = _ => "constant" };
        var clipNorm = CliNumbers.DoubleOption("--clip-norm", "Clip ĝ by L2 norm V");
        var clipValue = CliNumbers.DoubleOption("--clip-value", "Clip each component of ĝ to [−V, V]");
        var format = new Option<string>("--format") { Description = "csv or json", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var html = new Option<FileInfo?>("--html") { Description = "Also write a self-contained chart (contour with the path) to FILE" };

        var command = new Command("trace", "Run one optimizer on a 2-D surface and print its path.")
        {
            optimizer, surface, start, steps, lr, momentum, rho, beta1, beta2, delta, schedule, clipNorm, clipValue, format, html,
        };
        command.SetAction(parse =>
        {
            TextWriter output = parse.InvocationConfiguration.Output, error = parse.InvocationConfiguration.Error;
            if (parse.GetValue(steps) is < 0 or > MaxSteps)
                throw new UsageException($"--steps: {parse.GetValue(steps)} is out of range; the limit is 0 to {MaxSteps:N0} (the path is kept in memory and printed whole).");
            double? norm = parse.GetValue(clipNorm), value = parse.GetValue(clipValue);
            if (norm is not null && value is not null) throw new UsageException("--clip-norm and --clip-value: use one or the other.");

            var settings = new OptimizerSettings
            {
                LearningRate = parse.GetValue(lr),
                Momentum = parse.GetValue(momentum),
                Rho = parse.GetValue(rho),
                Beta1 = parse.GetValue(beta1),
                Beta2 = parse.GetValue(beta2),
                Delta = parse.GetValue(delta),
                Schedule = Flag("--schedule", () => LearningRateSchedule.Parse(parse.GetValue(schedule)!)),
                Clipping = norm is { } n ? Flag("--clip-norm", () => GradientClipping.ByNorm(n))
                    : value is { } v ? Flag("--clip-value", () => GradientClipping.ByValue(v))
                    : GradientClipping.None,
            };
            var opt = Flag("--optimizer", () => OptimizerFactory.Create<double>(parse.GetValue(optimizer)!, settings));
            var surf = Flag("--surface", () => SurfaceCatalog.Create(parse.GetValue(surface)!));
            using var chart = parse.GetValue(html) is { } file ? OutputFile.Begin(file.FullName, ChartMarker, "--html") : null;
            var path = Trajectory.Run(opt, surf, ParsePoint(parse.GetValue(start)!), parse.GetValue(steps));

            if (parse.GetValue(format) == "json") WriteJson(output, path);
            else WriteCsv(output, path);
            if (chart is not null)
            {
                string page = ChartHtml.ToSelfContainedHtml(PathChart.Create(surf, path));
                int head = page.IndexOf("<head>", StringComparison.OrdinalIgnoreCase);
                File.WriteAllText(chart.Path, head < 0 ? ChartMarker + page : page.Insert(head + "<head>".Length, ChartMarker));
                chart.Commit();
            }

            if (path.Diverged)
            {
                error.WriteLine($"coursekit trace: {path.Divergence}");
                return ExitCodes.Failed;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The most updates one trace runs: a million rows of CSV, about 50 MB held while it runs.</summary>
    public const int MaxSteps = 1_000_000;

    // How the kit knows a chart file it may replace: a generator tag in the page's head.
    public const string ChartMarker = "<meta name=\"generator\" content=\"coursekit trace\">";

    /// <summary>"X,Y" in invariant culture.</summary>
    internal static (double X, double Y) ParsePoint(string text)
    {
        string[] parts = text.Split(',');
        if (parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double x)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double y)
            && double.IsFinite(x) && double.IsFinite(y))
        {
            return (x, y);
        }

        throw new UsageException($"--start must be two finite numbers X,Y (e.g. -1.5,2); got '{text}'.");
    }

    // Library errors (out-of-range hyperparameters, unknown names) name the library's parameter;
    // the user typed a flag, so the message names the flag.
    private static T Flag<T>(string flag, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            string named = e is ArgumentException { ParamName: { } p } && FlagOf.TryGetValue(p, out string? f) ? f : flag;
            throw new UsageException($"{named}: {FirstLine(e.Message)}");
        }
    }

    private static readonly Dictionary<string, string> FlagOf = new()
    {
        ["learningRate"] = "--lr", ["momentum"] = "--momentum", ["rho"] = "--rho", ["rho1"] = "--beta1",
        ["rho2"] = "--beta2", ["beta1"] = "--beta1", ["beta2"] = "--beta2", ["delta"] = "--delta",
    };

    private static string FirstLine(string message) => message.Split('\n')[0];

    private static string Number(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    internal static void WriteCsv(TextWriter output, Trajectory path)
    {
        output.WriteLine("step,x,y,loss");
        foreach (var p in path.Points)
            output.WriteLine($"{p.Step},{Number(p.X)},{Number(p.Y)},{Number(p.Loss)}");
    }

    internal static void WriteJson(TextWriter output, Trajectory path)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
        {
            json.WriteStartObject();
            json.WriteString("optimizer", path.Optimizer);
            json.WriteString("surface", path.Surface);
            json.WriteBoolean("diverged", path.Diverged);
            if (path.Divergence is { } why) json.WriteString("divergence", why);
            json.WriteStartArray("points");
            foreach (var p in path.Points)
            {
                json.WriteStartObject();
                json.WriteNumber("step", p.Step);
                json.WriteNumber("x", p.X);
                json.WriteNumber("y", p.Y);
                json.WriteNumber("loss", p.Loss);
                WriteNumberOrNull(json, "gradient_norm", p.GradientNorm);
                WriteNumberOrNull(json, "learning_rate", p.LearningRate);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value)) json.WriteNumber(name, value);
        else json.WriteNull(name);
    }
}
