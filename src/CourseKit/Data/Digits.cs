namespace CourseKit.Data;

/// <summary>
/// The 8×8 handwritten digits (1,797 images, 64 pixel features 0–16, 10 classes) from
/// <c>data/digits.csv</c>; see <c>data/README.md</c> for provenance and licence.
/// </summary>
public static class Digits
{
    /// <summary>The file name under the data folder.</summary>
    public const string FileName = "digits.csv";

    /// <summary>The name of the copy of <c>data/digits.csv</c> embedded in this library.</summary>
    public const string ResourceName = "CourseKit.Data.digits.csv";

    /// <summary>
    /// Loads the digits from <paramref name="path"/>, or, when it is null, from the copy embedded in the
    /// library, so the lab, trace and the notebooks work from any folder (<c>data/digits.csv</c> is the
    /// readable copy of the same bytes).
    /// </summary>
    public static Dataset Load(string? path = null) =>
        path is null ? DatasetCsv.Parse(EmbeddedText(), "the embedded data/digits.csv", "label", "digits", ClassCount) : DatasetCsv.Load(path, "label", "digits", ClassCount);

    /// <summary>The digits 0–9: a label outside them is an error in the file, not an eleventh class.</summary>
    public const int ClassCount = 10;

    /// <summary>The embedded copy of <c>data/digits.csv</c>, as text.</summary>
    public static string EmbeddedText()
    {
        using Stream stream = typeof(Digits).Assembly.GetManifestResourceStream(ResourceName)
                              ?? throw new InvalidOperationException($"The library was built without its embedded {ResourceName}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// The split the tests and notebooks use: 60% train, 20% validation, 20% test, stratified by digit,
    /// standardised with the training part's statistics.
    /// </summary>
    public static DatasetSplit LoadSplit(int seed = 42, string? path = null) =>
        DatasetSplit.Create(Load(path), validationFraction: 0.2, testFraction: 0.2, seed).Standardized();

    /// <summary>Finds the readable copy <c>data/digits.csv</c> walking up from the current folder, then from the application's.</summary>
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
