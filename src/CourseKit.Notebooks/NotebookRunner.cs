using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace CourseKit.Notebooks;

/// <summary>
/// Runs notebooks cell by cell in this process, the way VS Code's kernel would: a C# kernel with
/// the <c>#r "nuget:"</c> directive, the notebook's folder as working directory (relative
/// <c>#r</c> paths resolve against it), and the kernel extensions of referenced packages loaded
/// (Plotly.NET.Interactive's chart formatter). Each notebook gets a fresh kernel and fresh
/// formatters; notebooks run one at a time because the working directory belongs to the process.
/// </summary>
public static partial class NotebookRunner
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>
    /// Runs every code cell of <paramref name="notebookPath"/> in order, stopping at the first
    /// failing cell, and writes the executed copy (outputs included) into
    /// <paramref name="outputFolder"/> when one is given.
    /// </summary>
    /// <param name="notebookPath">The .ipynb to run.</param>
    /// <param name="outputFolder">Folder for the executed copy (same file name); never the notebook's own folder.</param>
    /// <param name="onCellStarted">Called with (cell index, code cells done, code cells total) before each code cell.</param>
    /// <param name="onCellFinished">Called after each code cell.</param>
    /// <param name="cellTimeout">A cell still running after this long fails the run (default 10 minutes), so a
    /// notebook stuck in a loop cannot hang CI.</param>
    /// <param name="cancellationToken">Stops between cells.</param>
    public static async Task<NotebookRun> RunAsync(
        string notebookPath, string? outputFolder = null,
        Action<int, int, int>? onCellStarted = null, Action<CellOutcome>? onCellFinished = null,
        TimeSpan? cellTimeout = null, CancellationToken cancellationToken = default)
    {
        TimeSpan timeout = cellTimeout ?? TimeSpan.FromMinutes(10);
        if (timeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(cellTimeout), cellTimeout, "The cell timeout must be positive.");
        string fullPath = Path.GetFullPath(notebookPath);
        string folder = Path.GetDirectoryName(fullPath)!;
        string? copyPath = null;
        if (outputFolder is not null)
        {
            copyPath = Path.Combine(Path.GetFullPath(outputFolder), Path.GetFileName(fullPath));
            if (string.Equals(copyPath, fullPath, StringComparison.Ordinal))
                throw new ArgumentException($"The output folder {outputFolder} is the notebook's own folder; executed copies never overwrite the source.", nameof(outputFolder));
        }

        var notebook = NotebookFile.Load(fullPath);
        var cells = new List<CellOutcome>();

        await OneAtATime.WaitAsync(cancellationToken);
        string previousDirectory = Directory.GetCurrentDirectory();
        try
        {
            Directory.SetCurrentDirectory(folder);
            Formatter.ResetToDefault();
            using var kernel = CreateKernel();

            int total = notebook.Cells.Count(c => NotebookFile.CellType(c!) == "code");
            int done = 0, executionCount = 0;
            for (int i = 0; i < notebook.Cells.Count; i++)
            {
                JsonNode cell = notebook.Cells[i]!;
                if (NotebookFile.CellType(cell) != "code") continue;
                cancellationToken.ThrowIfCancellationRequested();
                onCellStarted?.Invoke(i + 1, done, total);

                string code = NotebookFile.Source(cell);
                var watch = Stopwatch.StartNew();
                Task<KernelCommandResult> submitted = kernel.SendAsync(new SubmitCode(code, "csharp"), cancellationToken);
                bool finished = await Task.WhenAny(submitted, Task.Delay(timeout, cancellationToken)) == submitted;
                watch.Stop();

                var outputs = new JsonArray();
                bool producedChart = false;
                string? error = finished
                    ? CollectOutputs(await submitted, outputs, ++executionCount, out producedChart)
                    : $"the cell did not finish within {timeout.TotalSeconds:0} s (an endless loop, or a run too long for a notebook?)";
                cell["outputs"] = outputs;
                cell["execution_count"] = executionCount;

                var outcome = new CellOutcome(i + 1, cell["id"]?.GetValue<string>() ?? "", error, IsChartCell(cell, code), producedChart, watch.Elapsed);
                cells.Add(outcome);
                done++;
                onCellFinished?.Invoke(outcome);
                if (!outcome.Succeeded) break;
            }
        }
        finally
        {
            Directory.SetCurrentDirectory(previousDirectory);
            Formatter.ResetToDefault();
            OneAtATime.Release();
        }

        if (copyPath is not null) notebook.Save(copyPath);
        return new NotebookRun(fullPath, copyPath, cells);
    }

    /// <summary>
    /// A chart cell is tagged "chart" or calls one of the kit's chart helpers
    /// (<c>ContourChart.Create(…)</c>, <c>SliderChart.Paths(…)</c>, …) as its last statement.
    /// </summary>
    public static bool IsChartCell(JsonNode cell, string code) =>
        NotebookFile.Tags(cell).Contains("chart") || LastLineDrawsChart().IsMatch(LastStatement(code));

    // The cell's final expression, joined when a call spans several lines: the lines after the last
    // one that ends a statement or a block. A cell ending in ';' displays nothing, so that line is
    // kept as it is (and does not match).
    private static string LastStatement(string code)
    {
        var lines = code.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal)).ToList();
        if (lines.Count == 0) return "";
        int start = lines.Count - 1;
        while (start > 0 && !lines[start].EndsWith(';') && !lines[start - 1].EndsWith(';') && !lines[start - 1].EndsWith('}') && !lines[start - 1].EndsWith('{'))
            start--;
        return string.Join(" ", lines.Skip(start));
    }

    [GeneratedRegex(@"^[A-Za-z]*Chart\.\w+\(.*\)?$|^(Plotly\.NET\.)?Chart\.")]
    private static partial Regex LastLineDrawsChart();

    private static CompositeKernel CreateKernel()
    {
        var csharp = new CSharpKernel().UseKernelHelpers();
        csharp.UseNugetDirective((kernel, references) => LoadExtensionsAsync(kernel, references), forceRestore: false);
        var composite = new CompositeKernel("coursekit") { csharp };
        composite.DefaultKernelName = csharp.Name;
        return composite;
    }

    // What the dotnet-interactive tool does for #r "nuget:": a package may carry kernel extensions
    // under interactive-extensions/dotnet/; load them so Plotly.NET.Interactive registers its
    // chart formatter here as it does in VS Code.
    private static async Task LoadExtensionsAsync(Kernel kernel, IReadOnlyList<ResolvedPackageReference> references)
    {
        foreach (var reference in references)
        {
            string extensions = Path.Combine(reference.PackageRoot, "interactive-extensions", "dotnet");
            if (!Directory.Exists(extensions)) continue;
            foreach (string dll in Directory.EnumerateFiles(extensions, "*.dll"))
            {
                Assembly assembly = LoadOnce(dll);
                foreach (Type type in assembly.GetExportedTypes().Where(t => typeof(IKernelExtension).IsAssignableFrom(t) && !t.IsAbstract))
                {
                    var extension = (IKernelExtension)Activator.CreateInstance(type)!;
                    await extension.OnLoadAsync(kernel);
                }
            }
        }
    }

    private static Assembly LoadOnce(string path)
    {
        var name = AssemblyName.GetAssemblyName(path);
        return AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(a.GetName(), name) && a.GetName().Version == name.Version)
               ?? Assembly.LoadFrom(path);
    }

    /// <summary>Turns kernel events into nbformat outputs; returns the error message, if any.</summary>
    private static string? CollectOutputs(KernelCommandResult result, JsonArray outputs, int executionCount, out bool producedChart)
    {
        string? error = null;
        producedChart = false;
        var byValueId = new Dictionary<string, JsonObject>();
        foreach (KernelEvent e in result.Events)
        {
            switch (e)
            {
                case StandardOutputValueProduced stdout:
                    outputs.Add(Stream("stdout", stdout));
                    break;
                case StandardErrorValueProduced stderr:
                    outputs.Add(Stream("stderr", stderr));
                    break;
                case ReturnValueProduced value:
                    producedChart |= IsChart(value);
                    outputs.Add(Display("execute_result", value, executionCount));
                    break;
                case DisplayedValueProduced display:
                    producedChart |= IsChart(display);
                    var shown = Display("display_data", display, null);
                    outputs.Add(shown);
                    if (display.ValueId is { } shownId) byValueId[shownId] = shown;
                    break;
                case DisplayedValueUpdated update when update.ValueId is { } updatedId && byValueId.TryGetValue(updatedId, out var earlier):
                    // Keep what the notebook finally showed (say "Installed Packages"), as VS Code does.
                    producedChart |= IsChart(update);
                    earlier["data"] = Display("display_data", update, null)["data"]!.DeepClone();
                    break;
                case ErrorProduced produced:
                    error ??= produced.Message;
                    break;
                case CommandFailed failed:
                    error ??= failed.Message;
                    outputs.Add(new JsonObject
                    {
                        ["output_type"] = "error",
                        ["ename"] = failed.Exception?.GetType().Name ?? "Error",
                        ["evalue"] = failed.Message,
                        ["traceback"] = new JsonArray(failed.Message),
                    });
                    break;
            }
        }

        return error;
    }

    private static bool IsChart(DisplayEvent e) =>
        FigureJson(e.Value) is not null
        || e.FormattedValues.Any(v => v.MimeType == "text/html" && v.Value.Contains("Plotly.newPlot", StringComparison.Ordinal));

    // A Plotly.NET chart's figure (data, layout) as JSON, straight from the chart object: export draws
    // from this, never from the HTML Plotly.NET's formatter writes (a template change there would drop charts).
    private static string? FigureJson(object? value)
    {
        if (value is Plotly.NET.GenericChart chart) return Plotly.NET.GenericChart.toFigureJson(chart);
        // The same type loaded from the kernel's NuGet folder in another load context.
        for (Type? type = value?.GetType(); type is not null; type = type.BaseType)
        {
            if (type.FullName != "Plotly.NET.GenericChart") continue;
            var method = type.Assembly.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
                .FirstOrDefault(m => m.Name == "toFigureJson" && m.GetParameters().Length == 1 && m.GetParameters()[0].ParameterType == type);
            return method?.Invoke(null, [value]) as string;
        }

        return null;
    }

    private static JsonObject Stream(string name, DisplayEvent e) => new()
    {
        ["output_type"] = "stream",
        ["name"] = name,
        ["text"] = string.Concat(e.FormattedValues.Where(v => v.MimeType == "text/plain").Select(v => v.Value)),
    };

    private static JsonObject Display(string outputType, DisplayEvent e, int? executionCount)
    {
        var data = new JsonObject();
        foreach (var value in e.FormattedValues) data[value.MimeType] = value.Value;
        if (FigureJson(e.Value) is { } figure) data[ExportRenderer.PlotlyMimeType] = JsonNode.Parse(figure);
        var output = new JsonObject { ["output_type"] = outputType, ["data"] = data, ["metadata"] = new JsonObject() };
        if (executionCount is { } n) output["execution_count"] = n;
        return output;
    }
}
