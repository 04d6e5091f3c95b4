namespace CourseKit.Data;

/// <summary>
/// An IDX file (the MNIST / Fashion-MNIST format) that cannot be read. The message names the file, the byte
/// offset (in the decompressed stream, 0-based) and the problem, e.g.
/// <c>train-labels-idx1-ubyte.gz byte 4: the header says 60000 items but the file ends after 59999</c>.
/// </summary>
public sealed class IdxFormatException : FormatException
{
    public IdxFormatException(string path, long offset, string problem)
        : base($"{path} byte {offset}: {problem}")
    {
        FilePath = path;
        Offset = offset;
        Problem = problem;
    }

    /// <summary>The file, as it was given to the reader.</summary>
    public string FilePath { get; }

    /// <summary>0-based offset of the problem in the (decompressed) IDX bytes.</summary>
    public long Offset { get; }

    /// <summary>What is wrong there.</summary>
    public string Problem { get; }
}
