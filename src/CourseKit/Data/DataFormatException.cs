namespace CourseKit.Data;

/// <summary>
/// A data file that cannot be read as a dataset. The message names the file, the line (1-based, the
/// header is line 1) and the problem, e.g. <c>data/digits.csv line 17: column 'pixel3' value 'x' is not a number</c>.
/// </summary>
public sealed class DataFormatException : FormatException
{
    public DataFormatException(string path, int line, string problem)
        : base($"{path} line {line}: {problem}")
    {
        FilePath = path;
        Line = line;
        Problem = problem;
    }

    /// <summary>The file, as it was given to the loader.</summary>
    public string FilePath { get; }

    /// <summary>1-based line number in the file.</summary>
    public int Line { get; }

    /// <summary>What is wrong with that line.</summary>
    public string Problem { get; }
}
