namespace CourseKit.Notebooks;

/// <summary>
/// <c>coursekit export</c>'s work: run each notebook through <see cref="NotebookRunner"/>, then write
/// for each a slide deck (<c>NAME.slides.html</c>) and a page (<c>NAME.html</c>), an
/// <c>index.html</c> linking them in order, and <c>assets/</c> with every library they load.
/// The executed copies go to <c>executed/</c>. The folder works offline, copied anywhere.
/// </summary>
public static class ExportJob
{
    /// <summary>Exports <paramref name="notebooks"/> (in the order given) into <paramref name="outputFolder"/>.</summary>
    /// <returns>The failed run, or null when every notebook ran and was written.</returns>
    public static async Task<NotebookRun?> RunAsync(
        IReadOnlyList<string> notebooks, string outputFolder, string repositoryRoot,
        Action<string>? log = null, Action<CellOutcome>? onCellFinished = null,
        TimeSpan? cellTimeout = null, CancellationToken cancellationToken = default)
    {
        string output = Path.GetFullPath(outputFolder);
        Directory.CreateDirectory(output);
        ExportAssets.CopyTo(output, repositoryRoot, log);

        var written = new List<(string Name, string Title)>();
        foreach (string path in notebooks)
        {
            log?.Invoke(Path.GetFileName(path));
            NotebookRun run = await NotebookRunner.RunAsync(path, Path.Combine(output, "executed"), null, onCellFinished, cellTimeout, cancellationToken);
            if (!run.Succeeded) return run;

            var executed = NotebookFile.Load(run.ExecutedCopyPath!);
            string name = Path.GetFileNameWithoutExtension(path);
            File.WriteAllText(Path.Combine(output, name + ".slides.html"), ExportRenderer.Deck(executed));
            File.WriteAllText(Path.Combine(output, name + ".html"), ExportRenderer.Page(executed));
            written.Add((name, ExportRenderer.Title(executed)));
        }

        File.WriteAllText(Path.Combine(output, "index.html"), ExportRenderer.Index(written));
        return null;
    }
}
