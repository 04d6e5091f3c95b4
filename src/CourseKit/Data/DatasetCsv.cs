using System.Globalization;
using Deedle;

namespace CourseKit.Data;

/// <summary>
/// Reads a CSV file with a header row into a <see cref="Dataset"/>: one column of class labels, every
/// other column a numeric feature.
/// </summary>
/// <remarks>
/// The file is checked line by line first, so a bad row is reported as
/// <c>path line N: problem</c> instead of surfacing later as a silently missing value or a NaN. The
/// checked file is then read with Deedle, the data-frame library the notebooks use too.
/// </remarks>
public static class DatasetCsv
{
    /// <summary>Loads <paramref name="path"/>; <paramref name="labelColumn"/> holds whole-number classes 0, 1, 2, …</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DataFormatException">A line is malformed; the message names the file, the line and the problem.</exception>
    /// <remarks>With <c>classCount</c> given the labels must lie in 0 … classCount − 1 (a 12 in a 0–9 file is refused, naming its
    /// line); without it the largest label found sets the number of classes.</remarks>
    public static Dataset Load(string path, string labelColumn = "label", string? name = null, int? classCount = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(labelColumn);
        if (!File.Exists(path)) throw new FileNotFoundException($"No data file at {Path.GetFullPath(path)}.", path);
        return Parse(File.ReadAllText(path), path, labelColumn, name ?? Path.GetFileNameWithoutExtension(path), classCount);
    }

    /// <summary>
    /// Reads CSV <paramref name="text"/> as <see cref="Load"/> reads a file (the bundled digits come from the
    /// library's embedded copy this way); <paramref name="source"/> names it in error messages.
    /// </summary>
    /// <exception cref="DataFormatException">A line is malformed; the message names the source, the line and the problem.</exception>
    public static Dataset Parse(string text, string source, string labelColumn = "label", string? name = null, int? classCount = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(labelColumn);
        string path = source;
        string[] lines = text.ReplaceLineEndings("\n").Split('\n');
        if (classCount is < 1) throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "The class count must be at least 1.");
        string[] header = Validate(lines, path, labelColumn, classCount, out int rows, out int classes);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        Frame<int, string> frame = Frame.ReadCsv(stream, hasHeaders: true, inferTypes: true, inferRows: 0);
        if (frame.RowCount != rows)
            throw new DataFormatException(path, rows + 1, $"Deedle read {frame.RowCount} data rows where the check counted {rows}.");

        string[] featureNames = header.Where(h => h != labelColumn).ToArray();
        int d = featureNames.Length;
        var x = new float[rows * d];
        for (int j = 0; j < d; j++)
        {
            int i = 0;
            foreach (double v in frame.GetColumn<double>(featureNames[j]).Values) x[i++ * d + j] = (float)v;
        }
        int[] y = frame.GetColumn<double>(labelColumn).Values.Select(v => (int)v).ToArray();
        return new Dataset(name ?? Path.GetFileNameWithoutExtension(path), x, rows, d, y, classCount ?? classes, featureNames: featureNames);
    }

    // The pre-pass: header, then every data line has the header's number of finite numbers, and
    // whole non-negative labels. Returns the header.
    private static string[] Validate(string[] lines, string path, string labelColumn, int? expectedClasses, out int rows, out int classCount)
    {
        int last = lines.Length;
        while (last > 0 && string.IsNullOrWhiteSpace(lines[last - 1])) last--; // trailing blank lines are harmless
        if (last == 0) throw new DataFormatException(path, 1, "the file is empty; expected a header row such as 'x0,x1,label'.");

        string[] header = lines[0].Split(',').Select(h => h.Trim()).ToArray();
        for (int j = 0; j < header.Length; j++)
        {
            if (header[j].Length == 0) throw new DataFormatException(path, 1, $"header column {j + 1} has no name.");
            if (double.TryParse(header[j], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                throw new DataFormatException(path, 1, $"header column {j + 1} is the number '{header[j]}'; the first line must name the columns.");
            if (Array.IndexOf(header, header[j]) != j) throw new DataFormatException(path, 1, $"column name '{header[j]}' appears twice.");
        }
        int labelIndex = Array.IndexOf(header, labelColumn);
        if (labelIndex < 0) throw new DataFormatException(path, 1, $"no column named '{labelColumn}' for the labels (columns: {string.Join(", ", header.Take(5))}{(header.Length > 5 ? ", …" : "")}).");
        if (header.Length < 2) throw new DataFormatException(path, 1, "there is a label column but no feature column.");

        int maxLabel = -1;
        for (int n = 1; n < last; n++)
        {
            int line = n + 1;
            if (string.IsNullOrWhiteSpace(lines[n])) throw new DataFormatException(path, line, "the line is empty.");
            string[] values = lines[n].Split(',');
            if (values.Length != header.Length)
                throw new DataFormatException(path, line, $"{values.Length} values, but the header has {header.Length} columns.");
            for (int j = 0; j < values.Length; j++)
            {
                string v = values[j].Trim();
                if (v.Length == 0) throw new DataFormatException(path, line, $"column '{header[j]}' is empty.");
                if (!double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                    throw new DataFormatException(path, line, $"column '{header[j]}' value '{v}' is not a number.");
                if (!double.IsFinite(value))
                    throw new DataFormatException(path, line, $"column '{header[j]}' value '{v}' is not a finite number.");
                if (j == labelIndex)
                {
                    if (value < 0 || value != Math.Floor(value) || value > 1_000_000)
                        throw new DataFormatException(path, line, $"label column '{labelColumn}' value '{v}' is not a class number 0, 1, 2, ….");
                    if (expectedClasses is { } k && value >= k)
                        throw new DataFormatException(path, line, $"label column '{labelColumn}' value '{v}' is outside the {k} classes 0–{k - 1}.");
                    maxLabel = Math.Max(maxLabel, (int)value);
                }
            }
        }
        rows = last - 1;
        if (rows == 0) throw new DataFormatException(path, 2, "the file has a header but no data rows.");
        classCount = maxLabel + 1;
        return header;
    }
}
