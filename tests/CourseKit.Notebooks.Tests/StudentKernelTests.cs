using System.Text.Json.Nodes;

namespace CourseKit.Notebooks.Tests;

/// <summary><c>coursekit kernel install</c> in a scratch checkout: the tool with the right FSharp.Core, the kernelspec, the settings.</summary>
public class StudentKernelTests
{
    [Fact]
    public void Install_sets_up_the_tool_kernelspec_and_settings_and_is_idempotent()
    {
        string root = Repository.TempFolder("install");
        File.WriteAllText(Path.Combine(root, "CourseKit.sln"), "");
        Directory.CreateDirectory(Path.Combine(root, ".vscode"));
        File.WriteAllText(Path.Combine(root, ".vscode", "settings.json"), "{\n  // a student's own setting\n  \"editor.fontSize\": 15,\n}\n");
        var kernel = new StudentKernel(root, jupyterDataFolder: Path.Combine(root, "jupyter"));
        var log = new List<string>();

        kernel.Install(log.Add);

        Assert.StartsWith(StudentKernel.FSharpCoreVersion, kernel.ToolFSharpCoreVersion());
        Assert.StartsWith(Path.Combine(root, "artifacts", "kernel"), kernel.AppDll);
        var spec = JsonNode.Parse(File.ReadAllText(kernel.KernelSpecPath))!;
        var argv = spec["argv"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        Assert.Equal(Path.Combine(root, "jupyter", "kernels", ".net-csharp", "kernel.json"), kernel.KernelSpecPath);
        Assert.Contains(kernel.AppDll, argv);
        Assert.Contains("--http-local-only", argv);
        Assert.Equal("{connection_file}", argv[^1]);
        Assert.Equal("C#", spec["language"]!.GetValue<string>());

        var settings = JsonNode.Parse(File.ReadAllText(kernel.VsCodeSettingsPath))!;
        Assert.Equal(15, settings["editor.fontSize"]!.GetValue<int>());
        Assert.Contains(kernel.AppDll, settings["dotnet-interactive.kernelTransportArgs"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Contains(kernel.AppDll, settings["dotnet-interactive.notebookParserArgs"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Contains(kernel.KernelSpecPath, settings["jupyter.kernels.trusted"]!.AsArray().Select(a => a!.GetValue<string>()));

        log.Clear();
        kernel.Install(log.Add);
        Assert.Contains(log, line => line.Contains("already in", StringComparison.Ordinal));
        Assert.Contains(log, line => line.Contains("already in place", StringComparison.Ordinal));
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void Check_names_what_is_missing_without_running_anything()
    {
        string root = Repository.TempFolder("check");
        var kernel = new StudentKernel(root, jupyterDataFolder: Path.Combine(root, "jupyter"));

        var problems = kernel.Check(_ => { });

        Assert.Contains(problems, p => p.Contains("coursekit kernel install", StringComparison.Ordinal) && p.Contains("dotnet-interactive", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("dotnet build", StringComparison.Ordinal));
        Directory.Delete(root, recursive: true);
    }
}
