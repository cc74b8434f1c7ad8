namespace ActorTrader.Hosting.Management;

/// <summary><c>GET /api/positions</c>: the ledger's open positions, by symbol.</summary>
public sealed record PositionsResponse(string Account, DateTimeOffset AsOf, IReadOnlyList<PositionView> Positions);

/// <summary>One position: quantity (negative = short), average cost, last mark (null when none), value and unrealised P&amp;L at the mark.</summary>
public sealed record PositionView(string Symbol, decimal Quantity, decimal AverageCost, decimal? Mark, decimal MarketValue, decimal UnrealisedPnl);
