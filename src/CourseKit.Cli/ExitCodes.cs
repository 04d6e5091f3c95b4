using System.CommandLine;

namespace CourseKit.Cli;

/// <summary>The kit's exit codes: 0 success, 1 the computation failed (say diverged), 2 bad usage.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    /// <summary>
    /// Parses and invokes; a parse error (unknown flag, bad value) exits 2 naming the flag, and an
    /// <see cref="UsageException"/> or out-of-range hyperparameter thrown by a command does too. Any other
    /// failure (a file that cannot be read or written, bad data) is one sentence on standard error and exit 1.
    /// </summary>
    public static int Run(RootCommand root, string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var config = new InvocationConfiguration
        {
            Output = stdout ?? Console.Out,
            Error = stderr ?? Console.Error,
            EnableDefaultExceptionHandler = false,
            // Ctrl-C ends the process at once; the kit's output folders remove their temporary halves themselves
            // (see Output/TemporaryPaths.cs), so no command needs to notice the interrupt.
            ProcessTerminationTimeout = null,
        };
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One line per error: the parser lists allowed values one per line, which reads as a dump in a log.
            foreach (var error in parse.Errors)
                config.Error.WriteLine($"coursekit: {OptionOf(error.SymbolResult)}{string.Join(" ", error.Message.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))}");
            config.Error.WriteLine("Run 'coursekit --help' (or the command with --help) for usage.");
            return Usage;
        }

        try
        {
            return parse.Invoke(config);
        }
        catch (Exception thrown)
        {
            Exception e = Unwrap(thrown);
            config.Error.WriteLine($"coursekit: {Sentence(e)}");
            return e is UsageException or ArgumentException or FormatException or OverflowException ? Usage : Failed;
        }
    }

    private static Exception Unwrap(Exception e)
    {
        while (e is AggregateException { InnerExceptions.Count: 1 } or System.Reflection.TargetInvocationException && e.InnerException is not null)
            e = e.InnerException!;
        return e;
    }

    // One line for the user, never a stack trace: the message of an I/O error names its file already.
    private static string Sentence(Exception e)
    {
        string message = e.Message.Split('\n')[0].Trim();
        return e switch
        {
            UsageException or ArgumentException or FormatException => message,
            FileNotFoundException { FileName: { } file } when !message.Contains(file, StringComparison.Ordinal) => $"{file}: {message}",
            IOException or UnauthorizedAccessException or InvalidDataException => message,
            OutOfMemoryException => "ran out of memory; choose smaller settings.",
            OperationCanceledException => "interrupted.",
            _ => $"{message} ({e.GetType().Name}; this is a bug in the kit: please report the command that caused it)",
        };
    }

    // "Argument 'xml' not recognized" alone does not say which flag it was given to.
    private static string OptionOf(System.CommandLine.Parsing.SymbolResult? symbol)
    {
        for (; symbol is not null; symbol = symbol.Parent)
            if (symbol is System.CommandLine.Parsing.OptionResult option) return option.Option.Name + ": ";
        return "";
    }
}
