namespace ActorTrader.Node.Trading;

/// <summary>The trading core cannot start; <see cref="ExitCode"/> is the node's exit code and the message names the cause and the fix.</summary>
public sealed class TradingStartException : Exception
{
    public TradingStartException(int exitCode, string message, Exception? innerException = null) : base(message, innerException) => ExitCode = exitCode;

    public TradingStartException() : this(1, "The trading core cannot start.") { }

    public TradingStartException(string message) : this(1, message) { }

    public TradingStartException(string message, Exception innerException) : this(1, message, innerException) { }

    public int ExitCode { get; }
}
