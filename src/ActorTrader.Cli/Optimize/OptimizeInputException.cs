namespace ActorTrader.Cli.Optimize;

/// <summary>Bad input to <c>actortrader optimize</c> (file, CSV cell, option); the message names where and the fix.</summary>
public sealed class OptimizeInputException : Exception
{
    public OptimizeInputException() { }

    public OptimizeInputException(string message) : base(message) { }

    public OptimizeInputException(string message, Exception innerException) : base(message, innerException) { }
}
