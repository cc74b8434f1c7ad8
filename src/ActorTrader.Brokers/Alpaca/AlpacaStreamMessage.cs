namespace ActorTrader.Brokers.Alpaca;

/// <summary>One message of the trade-updates WebSocket, as far as the broker cares.</summary>
internal abstract record AlpacaStreamMessage
{
    /// <summary><c>{"stream":"authorization","data":{"status":"authorized"|"unauthorized"}}</c>.</summary>
    public sealed record Authorization(bool Authorized, string Status) : AlpacaStreamMessage;

    /// <summary><c>{"stream":"listening","data":{"streams":[…]}}</c>.</summary>
    public sealed record Listening(IReadOnlyList<string> Streams) : AlpacaStreamMessage;

    /// <summary><c>{"stream":"trade_updates","data":{…}}</c>.</summary>
    public sealed record TradeUpdate(AlpacaTradeUpdateRecord Update) : AlpacaStreamMessage;

    /// <summary>An error the server reports (<c>{"error": …}</c> or <c>{"stream":"error"}</c>).</summary>
    public sealed record Error(string Message) : AlpacaStreamMessage;

    /// <summary>Anything else (other streams, future message kinds): ignored.</summary>
    public sealed record Other(string? Stream) : AlpacaStreamMessage;
}
