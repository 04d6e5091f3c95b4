using System.CommandLine;
using CourseKit.Cli.Output;
using CourseKit.Notebooks;

namespace CourseKit.Cli.Commands;

/// <summary>
/// <c>coursekit export [--out DIR] [--solutions] [NOTEBOOK...]</c>: runs the notebooks and writes, for each, a
/// reveal.js slide deck and a plain page with live charts, plus <c>DIR/index.html</c>; everything
/// loads from <c>DIR/assets/</c>, so it works on a projector with no network.
/// </summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var notebooks = new Argument<string[]>("notebooks")
        {
            Description = "Notebooks (.ipynb) or folders of notebooks, in order (default: the course's notebooks/ folder)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var output = new Option<string>("--out")
        {
            Description = "Folder for the slides, pages, index.html and assets/",
            DefaultValueFactory = _ => Path.Combine("out", "export"),
        };
        var timeout = new Option<int>("--cell-timeout")
        {
            Description = "Seconds a cell may run before the export fails",
            DefaultValueFactory = _ => 600,
        };
        var solutions = new Option<bool>("--solutions")
        {
            Description = "Also export the solution notebooks (*.solution.ipynb), as pages listed in the index",
        };
        var command = new Command("export", "Run notebooks and write offline slide decks, pages and an index.") { notebooks, output, timeout, solutions };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            int seconds = parse.GetValue(timeout);
            if (seconds is <= 0 or > RunCommand.MaxCellSeconds) throw new UsageException($"--cell-timeout: {seconds} is out of range; the limit is 1 to {RunCommand.MaxCellSeconds} seconds (a day).");
            string root = StudentKernel.FindRepositoryRoot(AppContext.BaseDirectory)
                          ?? StudentKernel.FindRepositoryRoot(Directory.GetCurrentDirectory())
                          ?? throw new UsageException("coursekit export runs from a CourseKit checkout (no CourseKit.sln found above this folder).");
            string[] given = parse.GetValue(notebooks) ?? [];
            // The course by default; its worked solutions (kept in solutions/, out of the students' folder) only when asked.
            string[] course = parse.GetValue(solutions) && Directory.Exists(Path.Combine(root, "solutions"))
                ? [Path.Combine(root, "notebooks"), Path.Combine(root, "solutions")]
                : [Path.Combine(root, "notebooks")];
            var paths = RunCommand.Expand(given.Length > 0 ? given : course);
            string outFolder = OutputFolder.Full(parse.GetValue(output)!, "--out");
            RunCommand.RefuseInputsInside(outFolder, paths);
            using var written = OutputFolder.Begin(outFolder, "export");

            // Written beside the target and swapped in whole: a failing notebook leaves the previous export as it was.
            NotebookRun? failed = await ExportJob.RunAsync(paths, written.Path, root, parse.GetValue(solutions),
                log: line => stdout.WriteLine(line),
                onCellFinished: cell => { if (!cell.Succeeded) stderr.WriteLine($"  cell {cell.Index}: {cell.Failure}"); },
                cellTimeout: TimeSpan.FromSeconds(seconds), cancellationToken: cancellationToken);
            if (failed is not null)
            {
                stderr.WriteLine($"coursekit: {failed.FailureMessage}");
                stderr.WriteLine(Directory.Exists(outFolder) ? $"{outFolder} still holds the previous export." : $"Nothing was written to {outFolder}.");
                return ExitCodes.Failed;
            }

            written.Commit();
            stdout.WriteLine($"Exported {paths.Count} notebook(s). Open {Path.Combine(outFolder, "index.html")}");
            return ExitCodes.Success;
        });
        return command;
    }
}
