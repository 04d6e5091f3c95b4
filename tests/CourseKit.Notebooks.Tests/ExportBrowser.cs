using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CourseKit.Notebooks.Tests;

/// <summary>
/// Opens an exported page in headless Chromium with the network unreachable and reports what a
/// viewer would see: JavaScript errors (and files that failed to load), chart containers without
/// their drawn SVG, TeX left raw in the text, and for a deck whether the right arrow key advances.
/// A probe script is put into a copy of the page (never into the export itself) ahead of
/// everything else, and writes its report into the DOM that Chromium dumps.
/// </summary>
internal static partial class ExportBrowser
{
    public static string? Chromium { get; } = new[] { "chromium", "chromium-browser" }.Select(Find).FirstOrDefault(p => p is not null);

    public static bool OnPath(string program) => Find(program) is not null;

    private static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
        .Select(folder => Path.Combine(folder, program)).FirstOrDefault(File.Exists);

    public sealed record Report(string[] Errors, int Charts, string[] Undrawn, string[] RawTex, int Katex, int Highlighted, int? SlideBefore, int? SlideAfter);

    public static Report Open(string page)
    {
        string chromium = Chromium ?? throw new InvalidOperationException("chromium is not installed: apt-get install -y chromium (or run .ci/setup-notebooks.sh).");
        string probed = Path.Combine(Path.GetDirectoryName(page)!, Path.GetFileNameWithoutExtension(page) + ".probe.html");
        File.WriteAllText(probed, File.ReadAllText(page).Replace("<head>", "<head>\n" + Probe, StringComparison.Ordinal));
        string profile = Path.Combine(Path.GetTempPath(), $"coursekit-chromium-{Guid.NewGuid():N}");
        try
        {
            var start = new ProcessStartInfo(chromium,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                $"--user-data-dir={profile}",
                // No network: a page that reaches for a CDN fails here as on an offline projector.
                "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
                "--virtual-time-budget=10000", "--dump-dom", new Uri(probed).AbsoluteUri,
            ])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            Task<string> error = process.StandardError.ReadToEndAsync();
            string dom = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium did not finish with {page}.");
            }

            var match = ProbeReport().Match(dom);
            if (!match.Success)
                throw new InvalidOperationException($"No probe report in the DOM of {page} (exit {process.ExitCode}): {error.Result[..Math.Min(2000, error.Result.Length)]}");
            return JsonSerializer.Deserialize<Report>(System.Net.WebUtility.HtmlDecode(match.Groups[1].Value), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
        }
        finally
        {
            File.Delete(probed);
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { }
        }
    }

    [GeneratedRegex("<pre id=\"coursekit-probe\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex ProbeReport();

    private const string Probe = """
        <script>
        (function () {
          var errors = [];
          function record(message) { errors.push(String(message)); }
          window.addEventListener('error', function (e) {
            record(e.message || ('could not load ' + (e.target && (e.target.src || e.target.href))));
          }, true);
          window.addEventListener('unhandledrejection', function (e) { record('unhandled rejection: ' + e.reason); });
          var consoleError = console.error;
          console.error = function () { record(Array.prototype.join.call(arguments, ' ')); consoleError.apply(console, arguments); };
          function rawTex() {
            var found = [];
            var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
              acceptNode: function (node) {
                return node.parentElement.closest('script, style, pre, code, .katex, svg, #coursekit-probe') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
              }
            });
            for (var node; (node = walker.nextNode());) {
              if (/\\\(|\\\[|\$\$|\$[^$\s][^$]*\$/.test(node.nodeValue)) found.push(node.nodeValue.trim().slice(0, 80));
            }
            return found;
          }
          window.addEventListener('load', function () {
            setTimeout(function () {
              var report = { errors: errors, charts: 0, undrawn: [], rawTex: rawTex(), katex: document.querySelectorAll('.katex').length, highlighted: document.querySelectorAll('code.hljs').length, slideBefore: null, slideAfter: null };
              document.querySelectorAll('.coursekit-chart').forEach(function (chart) {
                report.charts++;
                if (!chart.querySelector('svg.main-svg')) report.undrawn.push(chart.id);
              });
              if (window.Reveal && Reveal.isReady()) {
                report.slideBefore = Reveal.getIndices().h;
                document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', keyCode: 39, which: 39, bubbles: true }));
                report.slideAfter = Reveal.getIndices().h;
              }
              var pre = document.createElement('pre');
              pre.id = 'coursekit-probe';
              pre.textContent = JSON.stringify(report);
              document.body.appendChild(pre);
            }, 2000);
          });
        })();
        </script>
        """;
}
