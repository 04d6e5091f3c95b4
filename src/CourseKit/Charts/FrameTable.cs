using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;

namespace CourseKit.Charts;

/// <summary>
/// A Deedle frame as a small HTML table: the first and last rows with "…" between. A notebook's
/// default rendering of a frame is megabytes of nested HTML; the notebook set-up cell registers
/// this as the frame formatter instead.
/// </summary>
public static class FrameTable
{
    /// <summary>HTML table of <paramref name="frame"/> (any <c>Deedle.Frame&lt;TRow, TColumn&gt;</c>).</summary>
    /// <param name="frame">The frame.</param>
    /// <param name="headRows">Rows shown from the top.</param>
    /// <param name="tailRows">Rows shown from the bottom (when there are more than headRows + tailRows).</param>
    /// <param name="maxColumns">Columns shown (the first maxColumns − 1 and the last when there are more).</param>
    public static string ToHtml(object frame, int headRows = 8, int tailRows = 4, int maxColumns = 12)
    {
        ArgumentNullException.ThrowIfNull(frame);
        Type type = frame.GetType();
        if (!IsFrame(type))
            throw new ArgumentException($"FrameTable needs a Deedle frame, not {type.Name}.", nameof(frame));
        ArgumentOutOfRangeException.ThrowIfNegative(headRows);
        ArgumentOutOfRangeException.ThrowIfNegative(tailRows);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxColumns, 2);

        MethodInfo format = type.GetMethod("FormatStrings", [typeof(int), typeof(int), typeof(int), typeof(int), typeof(bool)])
            ?? throw new InvalidOperationException("This Deedle version has no Frame.FormatStrings.");
        int rowCount = (int)type.GetProperty("RowCount")!.GetValue(frame)!;
        int columnCount = (int)type.GetProperty("ColumnCount")!.GetValue(frame)!;
        var cells = (string[][])format.Invoke(frame, [headRows, tailRows, maxColumns - 1, 1, false])!;
        // Deedle's text layout puts a "->" column between keys and values; a table needs none.
        var keep = Enumerable.Range(0, cells.Length == 0 ? 0 : cells[0].Length)
            .Where(c => !cells.Skip(1).All(row => row[c] is "->" or "") || cells[0][c] != "")
            .ToArray();

        var html = new StringBuilder();
        html.Append("<table class=\"coursekit-frame\" style=\"font-family:monospace;font-size:90%\">");
        for (int r = 0; r < cells.Length; r++)
        {
            html.Append("<tr>");
            string tag = r == 0 ? "th" : "td";
            foreach (int c in keep)
            {
                string cell = Tidy(cells[r][c]);
                string cellTag = c == 0 && r > 0 ? "th" : tag;
                html.Append('<').Append(cellTag).Append('>').Append(WebUtility.HtmlEncode(cell)).Append("</").Append(cellTag).Append('>');
            }

            html.Append("</tr>");
        }

        html.Append("</table>");
        html.Append("<p style=\"font-size:80%;color:#666\">").Append(rowCount).Append(" rows × ").Append(columnCount).Append(" columns</p>");
        return html.ToString();
    }

    // Six significant digits are plenty to read a table; ":" and "..." are Deedle's elisions.
    private static string Tidy(string cell) => cell switch
    {
        ":" or "..." => "…",
        _ when double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && cell.Length > 8
            => v.ToString("G6", CultureInfo.InvariantCulture),
        _ => cell,
    };

    private static bool IsFrame(Type? type)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Deedle.Frame<,>)) return true;
        }

        return false;
    }
}
