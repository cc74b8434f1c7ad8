namespace ActorTrader.Hosting.Management;

/// <summary><c>GET /api/orders[?open=true]</c>: the order manager's orders, oldest submit first.</summary>
public sealed record OrdersResponse(string Account, bool OpenOnly, IReadOnlyList<OrderDto> Orders);

/// <summary>One order as the order manager knows it (wire names for side, type and status).</summary>
public sealed record OrderDto(
    string ClientOrderId,
    string? BrokerOrderId,
    string Symbol,
    string Side,
    string Type,
    decimal Quantity,
    decimal FilledQuantity,
    decimal? AverageFillPrice,
    string Status,
    string Sleeve,
    string RebalanceId,
    string Leg,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt,
    string? LastError);
