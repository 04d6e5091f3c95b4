namespace CourseKit.Notebooks;

/// <summary>The result of running one notebook: each code cell's outcome and where the executed copy went.</summary>
public sealed record NotebookRun(string NotebookPath, string? ExecutedCopyPath, IReadOnlyList<CellOutcome> Cells)
{
    /// <summary>Every cell ran and every chart cell drew.</summary>
    public bool Succeeded => Cells.All(c => c.Succeeded);

    /// <summary>The first failing cell, or null.</summary>
    public CellOutcome? FirstFailure => Cells.FirstOrDefault(c => !c.Succeeded);

    /// <summary>"notebook X, cell N: error" for the first failure, or null.</summary>
    public string? FailureMessage => FirstFailure is { } cell
        ? $"notebook {Path.GetFileName(NotebookPath)}, cell {cell.Index}: {cell.Failure}"
        : null;
}
