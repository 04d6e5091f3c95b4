using System.Net;
using System.Text;

namespace CourseKit.Notebooks;

/// <summary>
/// What a check found: passed or not, one line per case in words, the slip it recognised
/// (<see cref="Slip.None"/> when it passed or when no classic slip explains the numbers), and whether
/// the rule was written at all.
/// </summary>
public sealed record CheckReport(bool Passed, IReadOnlyList<string> Findings, string Rule = "optimizer", Slip Found = Slip.None, bool Implemented = true)
{
    /// <summary>The first line: the verdict in words.</summary>
    public string Verdict =>
        !Implemented ? $"{Rule}: not implemented yet."
        : Passed ? $"✓ {Rule}: all checks pass; your rule gives the library's numbers."
        : $"{Rule}: not yet.";

    public override string ToString() => Verdict + "\n" + string.Join('\n', Findings);

    public string ToHtml()
    {
        var html = new StringBuilder("<p><b>").Append(WebUtility.HtmlEncode(Verdict)).Append("</b></p><ul>");
        foreach (string f in Findings) html.Append("<li>").Append(WebUtility.HtmlEncode(f)).Append("</li>");
        return html.Append("</ul>").ToString();
    }
}
