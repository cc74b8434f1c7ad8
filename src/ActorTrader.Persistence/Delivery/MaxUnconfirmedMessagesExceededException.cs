namespace ActorTrader.Persistence;

/// <summary>Thrown by <c>Deliver</c> when <c>max-unconfirmed-messages</c> deliveries already wait for confirmation (back-pressure: stop accepting work).</summary>
public sealed class MaxUnconfirmedMessagesExceededException : Exception
{
    public MaxUnconfirmedMessagesExceededException() { }

    public MaxUnconfirmedMessagesExceededException(string message) : base(message) { }

    public MaxUnconfirmedMessagesExceededException(string message, Exception innerException) : base(message, innerException) { }
}
