using System.Net;
using System.Text.RegularExpressions;
using CourseKit.Optimizers;

namespace CourseKit.Notebooks;

/// <summary>
/// An optimizer's algorithm box (the rule in its doc comment, as algorithms.md writes it) beside the
/// library code that computes it, read from the source file, so a student can check them line by line.
/// </summary>
public static partial class AlgorithmListing
{
    /// <summary>The rule and the code of optimizer <paramref name="name"/> (e.g. <c>adam</c>) as two plain-text blocks.</summary>
    /// <param name="name">An algorithms.md name.</param>
    /// <param name="repositoryRoot">The folder holding CourseKit.sln; found by walking up from the working directory when null.</param>
    public static (string Rule, string Code) Of(string name, string? repositoryRoot = null)
    {
        string type = OptimizerFactory.Create<double>(name).GetType().Name.Split('`')[0];
        string root = repositoryRoot ?? FindRoot(Directory.GetCurrentDirectory());
        string path = Path.Combine(root, "src", "CourseKit", "Optimizers", type + ".cs");
        string source = File.ReadAllText(path);

        Match box = DocCode().Match(source);
        string rule = box.Success ? string.Join('\n', box.Groups[1].Value.Split('\n').Select(l => l.Trim().TrimStart('/').Trim()).Where(l => l.Length > 0)) : "";
        Match apply = ApplyBody().Match(source);
        string code = apply.Success
            ? string.Join('\n', apply.Groups[1].Value.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
            : throw new InvalidOperationException($"No Apply method found in {path}.");
        return (WebUtility.HtmlDecode(rule), code);
    }

    /// <summary>The two blocks side by side as an HTML table, for a notebook to display.</summary>
    public static string ToHtml(string name, string? repositoryRoot = null)
    {
        var (rule, code) = Of(name, repositoryRoot);
        return "<table><tr><th>algorithm box (algorithms.md)</th><th>the library's code (src/CourseKit/Optimizers)</th></tr>" +
               $"<tr><td style=\"vertical-align:top\"><pre>{WebUtility.HtmlEncode(rule)}</pre></td>" +
               $"<td style=\"vertical-align:top\"><pre>{WebUtility.HtmlEncode(code)}</pre></td></tr></table>";
    }

    private static string FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CourseKit.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No CourseKit.sln above {start}: pass repositoryRoot.");
    }

    [GeneratedRegex(@"<code>(.*?)</code>", RegexOptions.Singleline)]
    private static partial Regex DocCode();

    [GeneratedRegex(@"public void Apply\([^)]*\)\s*\{(.*?)\n\s*\}", RegexOptions.Singleline)]
    private static partial Regex ApplyBody();
}
