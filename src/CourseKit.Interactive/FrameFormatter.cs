using CourseKit.Charts;
using Microsoft.DotNet.Interactive.Formatting;

namespace CourseKit.Interactive;

/// <summary>A Deedle frame prints as a small table (<see cref="FrameTable"/>) instead of megabytes of nested HTML.</summary>
public static class FrameFormatter
{
    /// <summary>Registers the table as the HTML of every <c>Deedle.Frame&lt;TRow, TColumn&gt;</c>.</summary>
    public static void Register() =>
        Formatter.Register(typeof(Deedle.Frame<,>), (frame, writer) => writer.Write(FrameTable.ToHtml(frame)), HtmlFormatter.MimeType);
}
