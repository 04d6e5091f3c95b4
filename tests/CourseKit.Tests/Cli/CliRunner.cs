using System.CommandLine;
using CourseKit.Cli;

namespace CourseKit.Tests.Cli;

/// <summary>Runs one CLI command in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static (int Exit, string Out, string Err) Run(Command command, params string[] args)
    {
        var root = new RootCommand("test") { command };
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = ExitCodes.Run(root, args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
