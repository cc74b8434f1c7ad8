using ActorTrader.Brokers.Abstractions;

namespace ActorTrader.Trading.Broker;

// Between the broker actor and its connection session (internal).

/// <summary>The session made a connection: calls may use <see cref="Broker"/> until <see cref="Token"/> is cancelled.</summary>
internal sealed record SessionEstablished(IBroker Broker, CancellationToken Token);

/// <summary>The session's connection broke; it restarts with backoff.</summary>
internal sealed record SessionLost(string Reason);

internal sealed record TradeUpdateReceived(TradeUpdate Update);

internal sealed record TradeStreamEnded(Exception? Cause);

/// <summary>A call finished: its reply, or <see cref="Interrupted"/> when the connection went away during it.</summary>
internal sealed record BrokerCallCompleted(long CallId, object? Reply, bool Interrupted);

internal sealed record SweepBuffer
{
    public static SweepBuffer Instance { get; } = new();
}
