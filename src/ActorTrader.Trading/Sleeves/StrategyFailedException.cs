namespace ActorTrader.Trading.Sleeves;

/// <summary>A strategy child could not aggregate its strategy; thrown so its backoff supervisor restarts it.</summary>
public sealed class StrategyFailedException : Exception
{
    public StrategyFailedException() { }

    public StrategyFailedException(string message) : base(message) { }

    public StrategyFailedException(string message, Exception innerException) : base(message, innerException) { }
}
