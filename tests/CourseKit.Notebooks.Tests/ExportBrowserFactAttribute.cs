namespace CourseKit.Notebooks.Tests;

/// <summary>
/// A test that opens exported pages in headless Chromium and needs npm (to install reveal.js,
/// KaTeX and highlight.js once). In CI (CI=true) it always runs, so a missing browser fails the
/// build; elsewhere it is skipped, naming what to install.
/// </summary>
public sealed class ExportBrowserFactAttribute : FactAttribute
{
    public ExportBrowserFactAttribute()
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) return;
        if (ExportBrowser.Chromium is null || !ExportBrowser.OnPath("npm"))
            Skip = "Needs Debian's chromium and npm: run .ci/setup-notebooks.sh (CI runs these tests always).";
    }
}
