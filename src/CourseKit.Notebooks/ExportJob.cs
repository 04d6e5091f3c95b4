namespace CourseKit.Notebooks;

/// <summary>
/// <c>coursekit export</c>'s work: run each notebook through <see cref="NotebookRunner"/>, then write
/// for each a slide deck (<c>NAME.slides.html</c>) and a page (<c>NAME.html</c>), an
/// <c>index.html</c> giving each one's question and summary in order (solution notebooks only when asked,
/// as a page without a deck), and <c>assets/</c> with every library they load.
/// The executed copies go to <c>executed/</c>. The folder works offline, copied anywhere.
/// </summary>
public static class ExportJob
{
    /// <summary>Exports <paramref name="notebooks"/> (in the order given) into <paramref name="outputFolder"/>.</summary>
    /// <returns>The failed run, or null when every notebook ran and was written.</returns>
    public static async Task<NotebookRun?> RunAsync(
        IReadOnlyList<string> notebooks, string outputFolder, string repositoryRoot,
        bool solutions = false, Action<string>? log = null, Action<CellOutcome>? onCellFinished = null,
        TimeSpan? cellTimeout = null, CancellationToken cancellationToken = default)
    {
        string output = Path.GetFullPath(outputFolder);
        Directory.CreateDirectory(output);
        ExportAssets.CopyTo(output, repositoryRoot, log);

        var written = new List<(string Name, NotebookFile Executed, bool Solution)>();
        foreach (string path in notebooks)
        {
            bool solution = IsSolution(path);
            if (solution && !solutions) continue;
            log?.Invoke(Path.GetFileName(path));
            NotebookRun run = await NotebookRunner.RunAsync(path, Path.Combine(output, "executed"), null, onCellFinished, cellTimeout, cancellationToken);
            if (!run.Succeeded) return run;

            var executed = NotebookFile.Load(run.ExecutedCopyPath!);
            string name = Path.GetFileNameWithoutExtension(path);
            // A solution is for reading after the exercise, never for projecting: a page, no deck.
            if (!solution) File.WriteAllText(Path.Combine(output, name + ".slides.html"), ExportRenderer.Deck(executed));
            written.Add((name, executed, solution));
        }

        // Pages once every notebook ran, so each links its neighbours in reading order.
        for (int i = 0; i < written.Count; i++)
        {
            ExportRenderer.Neighbour? Near(int j) => j >= 0 && j < written.Count ? new(written[j].Name, ExportRenderer.Title(written[j].Executed)) : null;
            File.WriteAllText(Path.Combine(output, written[i].Name + ".html"), ExportRenderer.Page(written[i].Executed, "index.html", Near(i - 1), Near(i + 1)));
        }

        var entries = written.Select(w => new ExportRenderer.IndexEntry(w.Name, ExportRenderer.Title(w.Executed),
            ExportRenderer.Question(w.Executed), ExportRenderer.Summary(w.Executed), HasDeck: !w.Solution)).ToList();
        File.WriteAllText(Path.Combine(output, "index.html"), ExportRenderer.Index(entries));
        return null;
    }

    /// <summary>A worked solution notebook (<c>NAME.solution.ipynb</c>): exported only when asked for.</summary>
    public static bool IsSolution(string path) => path.EndsWith(".solution.ipynb", StringComparison.OrdinalIgnoreCase);
}
