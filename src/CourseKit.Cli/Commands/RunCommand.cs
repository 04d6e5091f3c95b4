using System.CommandLine;
using CourseKit.Cli.Output;
using CourseKit.Notebooks;
using Spectre.Console;

namespace CourseKit.Cli.Commands;

/// <summary>
/// <c>coursekit run NOTEBOOK...</c>: executes notebooks cell by cell in-process (the same C# kernel,
/// NuGet directive and working directory a student's VS Code uses) and writes executed copies.
/// </summary>
public static class RunCommand
{
    public static Command Create()
    {
        var notebooks = new Argument<string[]>("notebooks")
        {
            Description = "Notebooks (.ipynb) or folders of notebooks to run, in order",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string?>("--out")
        {
            Description = "Folder for the executed copies (default: out/ beside each notebook); never the notebook's own folder",
        };
        var timeout = new Option<int>("--cell-timeout")
        {
            Description = "Seconds a cell may run before the run fails",
            DefaultValueFactory = _ => 600,
        };
        var command = new Command("run", "Run notebooks cell by cell and write executed copies with their outputs.") { notebooks, output, timeout };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout) });
            string? outFolder = parse.GetValue(output);
            int seconds = parse.GetValue(timeout);
            if (seconds is <= 0 or > MaxCellSeconds) throw new UsageException($"--cell-timeout: {seconds} is out of range; the limit is 1 to {MaxCellSeconds} seconds (a day).");
            var paths = Expand(parse.GetValue(notebooks)!);

            // Every output folder is checked (and made) before the first cell runs; each is swapped in at the end,
            // after a failure too, since the executed copy with the error is what the student wants to read.
            var folders = new Dictionary<string, OutputFolder>(StringComparer.Ordinal);
            try
            {
                var targets = paths.Select(p => OutputFolder.Full(outFolder ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(p))!, "out"), "--out")).ToList();
                foreach (string target in targets.Distinct()) RefuseInputsInside(target, paths);
                foreach (string target in targets.Distinct()) folders[target] = OutputFolder.Begin(target, "run", keepPrevious: true);

                for (int i = 0; i < paths.Count; i++)
                {
                    string path = paths[i];
                    OutputFolder folder = folders[targets[i]];
                    string copy = Path.Combine(folder.Target, Path.GetFileName(path));
                    console.MarkupLine($"[bold]{Markup.Escape(Path.GetFileName(path))}[/]");
                    void Finished(CellOutcome cell) => console.MarkupLine(cell.Succeeded
                        ? $"  [green]✓[/] cell {cell.Index,3}  {cell.Elapsed.TotalSeconds,6:F1} s{(cell.ProducedChart ? "  chart" : "")}"
                        : $"  [red]✗[/] cell {cell.Index,3}  {cell.Elapsed.TotalSeconds,6:F1} s  {Markup.Escape(cell.Failure ?? "")}");
                    Task<NotebookRun> Run(Action<int, int, int>? started) => NotebookRunner.RunAsync(
                        path, folder.Path, started, Finished, TimeSpan.FromSeconds(seconds), cancellationToken);

                    // On a terminal a spinner says which cell is running; redirected output gets the lines only.
                    NotebookRun run = console.Profile.Capabilities.Interactive
                        ? await console.Status().StartAsync("starting the kernel …", status =>
                            Run((index, done, total) => status.Status($"cell {index} ({done + 1} of {total} code cells) …")))
                        : await Run(null);
                    if (!run.Succeeded)
                    {
                        foreach (var written in folders.Values) written.Commit();
                        stderr.WriteLine($"coursekit: {run.FailureMessage}");
                        stderr.WriteLine($"The executed copy with the error is {copy}.");
                        return ExitCodes.Failed;
                    }

                    stdout.WriteLine($"  {run.Cells.Count} code cells ran; executed copy: {copy}");
                }

                foreach (var written in folders.Values) written.Commit();
            }
            finally
            {
                foreach (var written in folders.Values) written.Dispose();
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The longest --cell-timeout: a day (a timer cannot wait much more than 49 days anyway).</summary>
    public const int MaxCellSeconds = 86_400;

    /// <summary>An output folder that holds one of the notebooks would replace the notebook: refused.</summary>
    internal static void RefuseInputsInside(string target, IEnumerable<string> notebooks)
    {
        string inside = target + Path.DirectorySeparatorChar;
        foreach (string notebook in notebooks)
        {
            string full = Path.GetFullPath(notebook);
            if (full.StartsWith(inside, StringComparison.Ordinal))
                throw new UsageException($"--out: {target} holds the notebook {full}; executed copies never overwrite the source. Name another folder.");
        }
    }

    /// <summary>
    /// Files as given; a folder stands for its *.ipynb files (not sub-folders), by name. Each is read once here,
    /// so a file that is not a notebook is refused before anything runs.
    /// </summary>
    internal static List<string> Expand(IEnumerable<string> arguments)
    {
        var paths = new List<string>();
        foreach (string argument in arguments)
        {
            if (Directory.Exists(argument))
            {
                var found = Directory.GetFiles(argument, "*.ipynb").Order(StringComparer.Ordinal).ToList();
                if (found.Count == 0) throw new UsageException($"{argument}: no .ipynb notebooks in this folder.");
                paths.AddRange(found);
            }
            else if (File.Exists(argument))
            {
                if (!argument.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase))
                    throw new UsageException($"{argument}: not a notebook (expected an .ipynb file).");
                paths.Add(argument);
            }
            else
            {
                throw new UsageException($"{argument}: no such notebook or folder.");
            }
        }

        foreach (string path in paths)
        {
            try
            {
                NotebookFile.Load(path);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                throw new UsageException(e is InvalidDataException ? e.Message : $"{path}: cannot be read: {e.Message}");
            }
        }

        return paths;
    }
}
