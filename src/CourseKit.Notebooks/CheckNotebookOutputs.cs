using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CourseKit.Interactive;

namespace CourseKit.Notebooks;

/// <summary>
/// What an executed notebook's outputs need for charts to draw with no network: no output loads a
/// script from http(s) (a CDN plotly.js or require.js), and every chart carries the Plotly MIME type
/// with its figure. Used by <c>coursekit kernel check</c> and the Jupyter-path tests.
/// </summary>
public static partial class CheckNotebookOutputs
{
    /// <summary>A problem found in one output: the cell's id and what is wrong.</summary>
    public sealed record Finding(string CellId, string Problem);

    /// <summary>
    /// The dotnet-interactive tool's own HTTP-API bootstrap, which it prints into the first cell of every
    /// notebook run over Jupyter (it loads require.js from cdnjs when the page has none). Only a patched
    /// kernel could drop it; it draws nothing, so charts do not depend on it. Recognized by its markers.
    /// </summary>
    public static bool IsKernelBootstrap(string html) =>
        html.Contains("dotnet-interactive-this-cell", StringComparison.Ordinal) && html.Contains("probeAddresses", StringComparison.Ordinal);

    /// <summary>The script URLs in <paramref name="html"/> that would be fetched over the network.</summary>
    public static IReadOnlyList<string> NetworkScripts(string html) =>
        NetworkScriptReference().Matches(html).Select(m => m.Groups["url"].Value).Distinct().ToList();

    /// <summary>
    /// Outputs that load a script over the network (apart from the kernel's bootstrap, when
    /// <paramref name="allowKernelBootstrap"/>), and chart outputs without the Plotly MIME type or whose
    /// figure is not <c>{data: [...], layout: {...}}</c>.
    /// </summary>
    public static IReadOnlyList<Finding> Check(JsonNode notebook, bool allowKernelBootstrap = true)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var findings = new List<Finding>();
        foreach (var cell in notebook["cells"]?.AsArray() ?? [])
        {
            string id = cell?["id"]?.GetValue<string>() ?? "?";
            foreach (var output in cell?["outputs"]?.AsArray() ?? [])
            {
                var data = output?["data"];
                string html = data?["text/html"] is { } h ? NotebookFile.Text(h) : "";
                if (!(allowKernelBootstrap && IsKernelBootstrap(html)))
                {
                    foreach (string url in NetworkScripts(html))
                        findings.Add(new Finding(id, $"loads a script over the network: {url}"));
                }

                bool chart = html.Contains("Plotly.newPlot", StringComparison.Ordinal) || data?[ChartFormatter.PlotlyMimeType] is not null;
                if (chart && FigureProblem(data?[ChartFormatter.PlotlyMimeType]) is { } problem)
                    findings.Add(new Finding(id, problem));
            }
        }

        return findings;
    }

    /// <summary>The number of outputs carrying the Plotly MIME type.</summary>
    public static int PlotlyOutputs(JsonNode notebook) =>
        (notebook["cells"]?.AsArray() ?? []).SelectMany(c => c?["outputs"]?.AsArray() ?? [])
            .Count(o => o?["data"]?[ChartFormatter.PlotlyMimeType] is not null);

    // Jupyter kernels send a JSON MIME bundle as an object; dotnet-interactive sends it as a string of JSON.
    private static string? FigureProblem(JsonNode? figure)
    {
        if (figure is null) return $"a chart without {ChartFormatter.PlotlyMimeType} (the editor's offline renderer has nothing to draw)";
        JsonNode? parsed = figure;
        if (figure is JsonValue value && value.TryGetValue(out string? text))
        {
            try { parsed = JsonNode.Parse(text); }
            catch (JsonException e) { return $"{ChartFormatter.PlotlyMimeType} is not JSON: {e.Message}"; }
        }

        return parsed?["data"] is JsonArray && parsed["layout"] is JsonObject ? null : $"{ChartFormatter.PlotlyMimeType} is not a figure {{data: [...], layout: {{...}}}}";
    }

    // A <script src="http…">, a script element's src set to http… from JavaScript, or an http… path
    // given to require.js (how Plotly.NET.Interactive loads plotly.js from its CDN).
    [GeneratedRegex("""<script\b[^>]*\bsrc\s*=\s*["']?(?<url>https?://[^"'\s>]+)|setAttribute\(\s*["']src["']\s*,\s*["'](?<url>https?://[^"']+)|require(?:js)?\.config\((?:[^)](?!</script))*?["'](?<url>https?://[^"']+)""", RegexOptions.IgnoreCase)]
    private static partial Regex NetworkScriptReference();
}
