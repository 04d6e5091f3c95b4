using System.CommandLine;
using CourseKit.Cli;
using CourseKit.Cli.Commands;

// One command per file under Commands/; add new ones to this list.
var root = new RootCommand("coursekit: optimization and adaptive learning rates for neural networks, hands on.");
foreach (Command command in new Command[]
         {
             LabCommand.Create(),
             TraceCommand.Create(),
             BenchCommand.Create(),
             RunCommand.Create(),
             KernelCommand.Create(),
             ExportCommand.Create(),
             DataCommand.Create(),
             // commands
         })
{
    root.Subcommands.Add(command);
}

return ExitCodes.Run(root, args);
