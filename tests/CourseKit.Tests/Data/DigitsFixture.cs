using CourseKit.Data;

namespace CourseKit.Tests.Data;

/// <summary>The digits file, loaded once for all tests (it is copied next to the test assembly).</summary>
internal static class DigitsFixture
{
    private static readonly Lazy<Dataset> _digits = new(() => CourseKit.Data.Digits.Load(Path.Combine(AppContext.BaseDirectory, "data", "digits.csv")));
    private static readonly Lazy<DatasetSplit> _split = new(() => CourseKit.Data.Digits.LoadSplit(seed: 42, Path.Combine(AppContext.BaseDirectory, "data", "digits.csv")));

    public static Dataset Digits => _digits.Value;

    /// <summary>60/20/20 stratified, standardised by training statistics.</summary>
    public static DatasetSplit Split => _split.Value;
}
