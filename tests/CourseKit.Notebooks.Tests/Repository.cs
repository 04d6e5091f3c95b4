using CourseKit.Notebooks;

// The in-process runner changes the process's working directory while a notebook runs, and the
// Jupyter tests start kernels: one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace CourseKit.Notebooks.Tests;

/// <summary>Paths in the checkout these tests run from.</summary>
internal static class Repository
{
    public static string Root { get; } = StudentKernel.FindRepositoryRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"No CourseKit.sln above {AppContext.BaseDirectory}.");

    public static string NotebooksFolder => Path.Combine(Root, "notebooks");

    public static string SolutionsFolder => Path.Combine(Root, "solutions");

    /// <summary>
    /// Every course notebook (notebooks/*.ipynb; executed copies in notebooks/out/ are not), then every solution
    /// notebook, named relative to notebooks/ (<c>../solutions/NAME.ipynb</c>) so one Path.Combine finds both.
    /// </summary>
    public static IEnumerable<object[]> Notebooks() =>
        Directory.GetFiles(NotebooksFolder, "*.ipynb").Order(StringComparer.Ordinal).Select(p => new object[] { Path.GetFileName(p) })
            .Concat(Solutions().Select(s => new object[] { "../solutions/" + s }));

    /// <summary>The solution notebooks' file names (solutions/*.ipynb).</summary>
    public static IEnumerable<string> Solutions() =>
        Directory.Exists(SolutionsFolder)
            ? Directory.GetFiles(SolutionsFolder, "*.ipynb").Order(StringComparer.Ordinal).Select(p => Path.GetFileName(p))
            : [];

    public static string TempFolder(string name)
    {
        string folder = Path.Combine(Path.GetTempPath(), $"coursekit-{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
