namespace ActorTrader.Persistence;

/// <summary>A recovery step (snapshot load or one replay page) made no progress within <c>recovery.timeout</c>.</summary>
public sealed class RecoveryTimedOutException : Exception
{
    public RecoveryTimedOutException() { }

    public RecoveryTimedOutException(string message) : base(message) { }

    public RecoveryTimedOutException(string message, Exception innerException) : base(message, innerException) { }
}
