using System.Net;
using System.Text;
using Plotly.NET;

namespace CourseKit.Charts;

/// <summary>
/// A self-contained HTML page of headings, text, tables and several interactive charts, with
/// plotly.js written in once (from the copy Plotly.NET embeds), so it works offline and stays small.
/// </summary>
public sealed class ChartPage(string title)
{
    private readonly StringBuilder _body = new();
    private int _charts;

    public ChartPage Heading(string text, int level = 2) =>
        Append($"<h{level}>{WebUtility.HtmlEncode(text)}</h{level}>");

    public ChartPage Paragraph(string text) => Append($"<p>{WebUtility.HtmlEncode(text)}</p>");

    /// <summary>Raw HTML (say a table from <see cref="FrameTable"/>); the caller is responsible for encoding.</summary>
    public ChartPage Html(string html) => Append(html);

    public ChartPage Chart(GenericChart chart)
    {
        string id = $"chart{++_charts}";
        string figure = ChartHtml.ToJson(chart).Replace("</", "<\\/", StringComparison.Ordinal);
        return Append($"<div id=\"{id}\" class=\"chart\" style=\"width:100%;height:480px\"></div>\n" +
                      $"<script>(function(){{var f={figure};f.layout=f.layout||{{}};delete f.layout.width;delete f.layout.height;f.layout.autosize=true;Plotly.newPlot('{id}',f.data,f.layout,Object.assign({{responsive:true}},f.config||{{}}));}})();</script>");
    }

    public string ToHtml() =>
        $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>{{WebUtility.HtmlEncode(title)}}</title>
        <style>body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em} table{border-collapse:collapse} td,th{border:1px solid #ccc;padding:2px 8px;text-align:right;white-space:nowrap}</style>
        <script>{{PlotlyJs.Value}}</script>
        </head>
        <body>
        <h1>{{WebUtility.HtmlEncode(title)}}</h1>
        {{_body}}
        </body>
        </html>
        """;

    public void Save(string path)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        File.WriteAllText(path, ToHtml());
    }

    /// <summary>plotly.js as Plotly.NET ships it inside its assembly.</summary>
    public static readonly Lazy<string> PlotlyJs = new(() =>
    {
        var assembly = typeof(GenericChart).Assembly;
        string name = assembly.GetManifestResourceNames().Single(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        return reader.ReadToEnd().Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
    });

    private ChartPage Append(string html)
    {
        _body.AppendLine(html);
        return this;
    }
}
