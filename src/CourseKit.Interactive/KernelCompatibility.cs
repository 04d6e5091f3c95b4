using System.Reflection;

namespace CourseKit.Interactive;

/// <summary>
/// Whether the running kernel can load Plotly.NET 6 and Deedle 8: both need FSharp.Core 10.1 or later,
/// and every released .NET Interactive kernel binds FSharp.Core 10.0 (assembly version 10.0.0.0),
/// which cannot be replaced from inside a notebook. The kit's kernel (coursekit kernel install) carries 10.1.403.
/// </summary>
public static class KernelCompatibility
{
    /// <summary>The oldest FSharp.Core assembly version the kit's libraries load with.</summary>
    public static readonly Version MinimumFSharpCore = new(10, 1, 0, 0);

    /// <summary>The command, run at the repository's root, that installs the kit's kernel.</summary>
    public const string FixCommand = "dotnet run --project src/CourseKit.Cli -- kernel install";

    /// <summary>True when <paramref name="fsharpCore"/> (an assembly version) is new enough.</summary>
    public static bool IsSupported(Version fsharpCore)
    {
        ArgumentNullException.ThrowIfNull(fsharpCore);
        return fsharpCore >= MinimumFSharpCore;
    }

    /// <summary>The one sentence a student sees on a kernel whose FSharp.Core is <paramref name="fsharpCore"/>.</summary>
    public static string StockKernelMessage(Version fsharpCore)
    {
        ArgumentNullException.ThrowIfNull(fsharpCore);
        return $"This notebook is running on a stock .NET Interactive kernel whose FSharp.Core {fsharpCore} is too old for the kit's charts and tables (they need {MinimumFSharpCore.ToString(2)}), " +
               $"so run `{FixCommand}` at the repository's root and restart the kernel.";
    }

    /// <summary>
    /// The FSharp.Core assembly version this process binds: the one the host's trusted platform
    /// assemblies list (what the default load context resolves), else the oldest one loaded; null when
    /// neither is known.
    /// </summary>
    public static Version? BoundFSharpCore()
    {
        string? trusted = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string)?
            .Split(Path.PathSeparator)
            .FirstOrDefault(p => string.Equals(Path.GetFileName(p), "FSharp.Core.dll", StringComparison.OrdinalIgnoreCase));
        if (trusted is not null && File.Exists(trusted)) return AssemblyName.GetAssemblyName(trusted).Version;
        return AppDomain.CurrentDomain.GetAssemblies()
            .Select(a => a.GetName())
            .Where(n => n.Name == "FSharp.Core")
            .Select(n => n.Version)
            .Min();
    }
}
