namespace ActorTrader.Trading.Broker;

/// <summary>The trade-update stream of a broker connection failed or ended: the session fails and its supervisor reconnects with backoff.</summary>
public sealed class BrokerConnectionLostException : Exception
{
    public BrokerConnectionLostException() { }

    public BrokerConnectionLostException(string message) : base(message) { }

    public BrokerConnectionLostException(string message, Exception? innerException) : base(message, innerException) { }
}
