using System.Net;
using System.Text;

namespace CourseKit.Notebooks;

/// <summary>What a check found: passed or not, and one line per case, in words.</summary>
public sealed record CheckReport(bool Passed, IReadOnlyList<string> Findings)
{
    public override string ToString() =>
        (Passed ? "✓ All checks pass: your optimizer is AMSGrad.\n" : "Not yet:\n") + string.Join('\n', Findings);

    public string ToHtml()
    {
        var html = new StringBuilder(Passed ? "<p><b>✓ All checks pass.</b></p><ul>" : "<p><b>Not yet.</b></p><ul>");
        foreach (string f in Findings) html.Append("<li>").Append(WebUtility.HtmlEncode(f)).Append("</li>");
        return html.Append("</ul>").ToString();
    }
}
