namespace CourseKit.Data;

/// <summary>
/// The 8×8 handwritten digits (1,797 images, 64 pixel features 0–16, 10 classes) from
/// <c>data/digits.csv</c>; see <c>data/README.md</c> for provenance and licence.
/// </summary>
public static class Digits
{
    /// <summary>The file name under the data folder.</summary>
    public const string FileName = "digits.csv";

    /// <summary>
    /// Loads the digits from <paramref name="path"/>, or, when it is null, from the first
    /// <c>data/digits.csv</c> found walking up from the current directory and then from the application's folder.
    /// </summary>
    public static Dataset Load(string? path = null) => DatasetCsv.Load(path ?? Find(), "label", "digits");

    /// <summary>
    /// The split the tests and notebooks use: 60% train, 20% validation, 20% test, stratified by digit,
    /// standardised with the training part's statistics.
    /// </summary>
    public static DatasetSplit LoadSplit(int seed = 42, string? path = null) =>
        DatasetSplit.Create(Load(path), validationFraction: 0.2, testFraction: 0.2, seed).Standardized();

    /// <summary>Finds <c>data/digits.csv</c> (notebooks run in <c>notebooks/</c>, tests in their bin folder).</summary>
    public static string Find()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "data", FileName);
                if (File.Exists(candidate)) return candidate;
            }
        }
        throw new FileNotFoundException($"Could not find data/{FileName} above {Directory.GetCurrentDirectory()} or {AppContext.BaseDirectory}; pass its path.", FileName);
    }
}
