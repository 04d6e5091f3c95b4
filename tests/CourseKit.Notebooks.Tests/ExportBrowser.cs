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

    public static Report Open(string page) =>
        JsonSerializer.Deserialize<Report>(Run(page, Probe, []), Json)!;

    /// <summary>One slide whose content does not fit: deck file, reveal.js indices, pixels past the slide's box.</summary>
    public sealed record Overflow(string Deck, int H, int V, int Pixels, string What)
    {
        public override string ToString() => $"{Deck} slide {H + 1}{(V > 0 ? $".{V + 1}" : "")}: {Pixels} px ({What})";
    }

    private sealed record SlideFit(int H, int V, int Pixels, string What);

    private sealed record FitReport(string[] Errors, int Slides, SlideFit[] Overflows);

    /// <summary>
    /// Shows every slide of <paramref name="deck"/> (all fragments revealed) in a window of
    /// <paramref name="width"/> × <paramref name="height"/> and measures its content against the
    /// slide's box as reveal.js scales it into the window, in window pixels: content below or right
    /// of the box, or a box inside the slide that scrolls, is an overflow.
    /// </summary>
    /// <returns>The number of slides and every overflowing one.</returns>
    public static (int Slides, Overflow[] Overflows) Fit(string deck, int width, int height)
    {
        var report = JsonSerializer.Deserialize<FitReport>(Run(deck, FitProbe, [$"--window-size={width},{height}"]), Json)!;
        if (report.Errors.Length > 0) throw new InvalidOperationException($"{Path.GetFileName(deck)}: JavaScript errors: {string.Join(" | ", report.Errors)}");
        string name = Path.GetFileName(deck);
        return (report.Slides, report.Overflows.Select(o => new Overflow(name, o.H, o.V, o.Pixels, o.What)).ToArray());
    }

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    // Runs chromium on a copy of the page with the probe first in <head>, returns the probe's JSON report.
    private static string Run(string page, string probe, string[] extraArguments)
    {
        string chromium = Chromium ?? throw new InvalidOperationException("chromium is not installed: apt-get install -y chromium (or run .ci/setup-notebooks.sh).");
        string probed = Path.Combine(Path.GetDirectoryName(page)!, Path.GetFileNameWithoutExtension(page) + $".probe-{Guid.NewGuid():N}.html");
        File.WriteAllText(probed, File.ReadAllText(page).Replace("<head>", "<head>\n" + probe, StringComparison.Ordinal));
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
                .. extraArguments,
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
            return System.Net.WebUtility.HtmlDecode(match.Groups[1].Value);
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

    // Walks every slide after reveal.js is ready, with transitions off so the boxes are final.
    private const string FitProbe = """
        <script>
        (function () {
          var errors = [];
          window.addEventListener('error', function (e) {
            errors.push(String(e.message || ('could not load ' + (e.target && (e.target.src || e.target.href)))));
          }, true);
          function report(value) {
            var pre = document.createElement('pre');
            pre.id = 'coursekit-probe';
            pre.textContent = JSON.stringify(value);
            document.body.appendChild(pre);
          }
          function visible(element) {
            var style = getComputedStyle(element);
            return style.display !== 'none' && style.visibility !== 'hidden';
          }
          function describe(element) {
            var text = (element.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 50);
            return element.tagName.toLowerCase() + (element.className && typeof element.className === 'string' ? '.' + element.className.split(' ')[0] : '') + (text ? ' "' + text + '"' : '');
          }
          // The element's box as drawn: cut by every ancestor that clips (overflow hidden, CSS clip,
          // as KaTeX's hidden MathML and its wide square-root SVGs are); null when nothing shows.
          function clipped(element, slide) {
            var r = element.getBoundingClientRect();
            var box = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
            for (var e = element; e && e !== slide; e = e.parentElement) {
              var style = getComputedStyle(e);
              if (style.clip && style.clip !== 'auto' && style.position === 'absolute') return null;
              if (e !== element && style.overflowX !== 'visible' && style.overflowY !== 'visible') {
                var c = e.getBoundingClientRect();
                box.left = Math.max(box.left, c.left); box.top = Math.max(box.top, c.top);
                box.right = Math.min(box.right, c.right); box.bottom = Math.min(box.bottom, c.bottom);
              }
            }
            return box.right > box.left && box.bottom > box.top ? box : null;
          }
          function measure(slide) {
            var box = document.querySelector('.reveal .slides').getBoundingClientRect();
            var right = Math.min(box.right, window.innerWidth), bottom = Math.min(box.bottom, window.innerHeight);
            var worst = 0, what = '';
            slide.querySelectorAll('*').forEach(function (element) {
              if (element.closest('aside.notes') || element.closest('.coursekit-chart svg') || !visible(element)) return;
              // A closed <details> draws only its summary, but Chromium still gives the hidden content a box below it
              // (measured: a folded claim line reported 15 px past the slide while nothing was drawn there).
              var closed = element.closest('details:not([open])');
              if (closed && closed !== element && !element.closest('summary')) return;
              var r = clipped(element, slide);
              if (!r) return;
              var past = Math.max(r.bottom - bottom, r.right - right);
              var style = getComputedStyle(element);
              if (/(auto|scroll)/.test(style.overflowY + style.overflowX) && !element.closest('.coursekit-chart')) {
                var scale = element.getBoundingClientRect().height / Math.max(1, element.offsetHeight);
                past = Math.max(past, (element.scrollHeight - element.clientHeight - 1) * scale, (element.scrollWidth - element.clientWidth - 1) * scale);
              }
              if (past > worst) { worst = past; what = describe(element); }
            });
            return { pixels: Math.ceil(worst), what: what };
          }
          window.addEventListener('load', function () {
            setTimeout(function () {
              var result = { errors: errors, slides: 0, overflows: [] };
              if (!(window.Reveal && Reveal.isReady())) { errors.push('reveal.js is not ready'); report(result); return; }
              Reveal.configure({ transition: 'none', backgroundTransition: 'none' });
              Reveal.getHorizontalSlides().forEach(function (outer, h) {
                var inner = outer.querySelectorAll(':scope > section');
                var count = inner.length || 1;
                for (var v = 0; v < count; v++) {
                  Reveal.slide(h, v);
                  var slide = Reveal.getCurrentSlide();
                  slide.querySelectorAll('.fragment').forEach(function (f) { f.classList.add('visible'); });
                  window.dispatchEvent(new Event('resize'));
                  result.slides++;
                  var fit = measure(slide);
                  if (fit.pixels > 1) result.overflows.push({ h: h, v: v, pixels: fit.pixels, what: fit.what });
                }
              });
              report(result);
            }, 2000);
          });
        })();
        </script>
        """;
}
