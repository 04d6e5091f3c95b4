using System.Diagnostics;

namespace CourseKit.Notebooks;

/// <summary>
/// The browser libraries an export needs, copied into <c>OUT/assets/</c> so slides and pages work
/// on a projector with no network: reveal.js, KaTeX (with its fonts) and highlight.js from the npm
/// packages pinned in <c>src/CourseKit.Notebooks/web/</c> (installed with <c>npm ci</c> on first
/// use), and plotly.js from the copy Plotly.NET embeds, so charts match what the notebooks draw.
/// </summary>
public static class ExportAssets
{
    /// <summary>Folder of the npm packages (package.json, package-lock.json, node_modules/).</summary>
    public static string WebFolder(string repositoryRoot) => Path.Combine(repositoryRoot, "src", "CourseKit.Notebooks", "web");

    // (file or folder under the web folder, where it goes under assets/)
    private static readonly (string From, string To)[] Files =
    [
        ("node_modules/reveal.js/dist/reset.css", "reveal/reset.css"),
        ("node_modules/reveal.js/dist/reveal.css", "reveal/reveal.css"),
        ("node_modules/reveal.js/dist/reveal.js", "reveal/reveal.js"),
        ("node_modules/reveal.js/dist/theme/white.css", "reveal/theme/white.css"),
        ("node_modules/reveal.js/dist/theme/fonts/source-sans-pro", "reveal/theme/fonts/source-sans-pro"),
        ("node_modules/reveal.js/plugin/notes/notes.js", "reveal/notes.js"),
        ("node_modules/katex/dist/katex.min.js", "katex/katex.min.js"),
        ("node_modules/katex/dist/katex.min.css", "katex/katex.min.css"),
        ("node_modules/katex/dist/fonts", "katex/fonts"),
        ("node_modules/@highlightjs/cdn-assets/highlight.min.js", "highlight/highlight.min.js"),
        ("node_modules/@highlightjs/cdn-assets/styles/github.min.css", "highlight/github.min.css"),
        // The kit's own: drawing charts and math, starting reveal.js, and the styles.
        ("coursekit.js", "coursekit.js"),
        ("page.css", "page.css"),
        ("deck.css", "deck.css"),
    ];

    /// <summary>
    /// Copies every asset into <paramref name="outputFolder"/>/assets, running <c>npm ci</c> in the
    /// web folder first when its node_modules are missing.
    /// </summary>
    public static void CopyTo(string outputFolder, string repositoryRoot, Action<string>? log = null)
    {
        string web = WebFolder(repositoryRoot);
        if (Files.Any(f => !Path.Exists(Path.Combine(web, f.From))))
        {
            log?.Invoke($"installing reveal.js, KaTeX and highlight.js with npm ci in {web}");
            NpmCi(web);
        }

        string assets = Path.Combine(outputFolder, "assets");
        foreach (var (from, to) in Files)
        {
            string source = Path.Combine(web, from), target = Path.Combine(assets, to);
            if (Directory.Exists(source)) CopyFolder(source, target);
            else
            {
                if (!File.Exists(source)) throw new FileNotFoundException($"{source} is missing after npm ci; is package.json in {web} intact?", source);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(source, target, overwrite: true);
            }
        }

        Directory.CreateDirectory(Path.Combine(assets, "plotly"));
        File.WriteAllText(Path.Combine(assets, "plotly", "plotly.min.js"), PlotlyJs());
    }

    /// <summary>plotly.js exactly as Plotly.NET ships it inside its assembly.</summary>
    public static string PlotlyJs()
    {
        var assembly = typeof(Plotly.NET.GenericChart).Assembly;
        string name = assembly.GetManifestResourceNames().Single(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    }

    private static void NpmCi(string web)
    {
        var start = new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"])
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("npm did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"coursekit export needs npm (Node.js) once, to install reveal.js, KaTeX and highlight.js into {web}: {e.Message}", e);
        }

        using (process)
        {
            Task<string> output = process.StandardOutput.ReadToEndAsync(), error = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"npm ci in {web} failed (exit {process.ExitCode}): {error.Result.Trim()} {output.Result.Trim()}");
        }
    }

    private static void CopyFolder(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (string file in Directory.EnumerateFiles(source))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        foreach (string folder in Directory.EnumerateDirectories(source))
            CopyFolder(folder, Path.Combine(target, Path.GetFileName(folder)));
    }
}
