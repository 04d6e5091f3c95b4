using CourseKit.Notebooks;

namespace CourseKit.Notebooks.Tests;

/// <summary>
/// A test of the Jupyter path. In CI (CI=true) it always runs, so a missing kernel or
/// nbconvert fails the build; on a developer's machine without them it is reported as skipped,
/// naming what to install, so a plain <c>dotnet test</c> works with only the .NET SDK.
/// </summary>
public sealed class JupyterFactAttribute : FactAttribute
{
    public JupyterFactAttribute() => Skip = SkipReason();

    /// <summary>Null when the Jupyter path can run here (always in CI); otherwise what to install.</summary>
    internal static string? SkipReason()
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) return null;
        bool nbconvert = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(folder => File.Exists(Path.Combine(folder, "jupyter-nbconvert")));
        // Installed for this checkout: a kernelspec left by another checkout points at that one's tool.
        var student = new StudentKernel(Repository.Root);
        bool kernel = File.Exists(student.KernelSpecPath) && File.Exists(student.AppDll);
        return nbconvert && kernel
            ? null
            : "Needs jupyter-nbconvert and the kit's kernel: run .ci/setup-notebooks.sh (CI runs these tests always).";
    }
}
