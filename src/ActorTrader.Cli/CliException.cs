namespace ActorTrader.Cli;

/// <summary>An expected failure: its message is printed as is (naming the input and the fix), and the CLI exits with <see cref="ExitCode"/>.</summary>
public sealed class CliException : Exception
{
    public CliException(int exitCode, string message)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public CliException(int exitCode, string message, Exception innerException)
        : base(message, innerException)
    {
        ExitCode = exitCode;
    }

    public CliException()
        : this(ExitCodes.Problems, "The command failed.")
    {
    }

    public CliException(string message)
        : this(ExitCodes.Problems, message)
    {
    }

    public CliException(string message, Exception innerException)
        : this(ExitCodes.Problems, message, innerException)
    {
    }

    public int ExitCode { get; }
}
