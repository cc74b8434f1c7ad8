namespace ActorTrader.Brokers.Abstractions;

/// <summary>Which orders to list (Alpaca GET /v2/orders): status open, closed or all; at most <see cref="Limit"/>; created after/until.</summary>
public sealed record OrderQuery(OrderQueryStatus Status = OrderQueryStatus.Open, int Limit = 500, DateTimeOffset? After = null, DateTimeOffset? Until = null);

public enum OrderQueryStatus
{
    Open,
    Closed,
    All,
}
