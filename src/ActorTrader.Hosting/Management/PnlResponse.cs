namespace ActorTrader.Hosting.Management;

/// <summary>
/// <c>GET /api/pnl</c>: the ledger's figures now (NAV, cash, realised and unrealised P&amp;L, fees, exposures), today's
/// P&amp;L (NAV now against the last daily snapshot before today, or the opening cash) and the portfolio_daily rows.
/// </summary>
public sealed record PnlResponse(
    string Account,
    DateTimeOffset AsOf,
    decimal Nav,
    decimal Cash,
    decimal RealisedPnl,
    decimal UnrealisedPnl,
    decimal Fees,
    decimal DayPnl,
    decimal GrossExposure,
    decimal NetExposure,
    int Fills,
    IReadOnlyList<PortfolioDailyView> PortfolioDaily);

/// <summary>One portfolio_daily row (exchange-local date yyyy-MM-dd).</summary>
public sealed record PortfolioDailyView(string Date, decimal Nav, decimal Cash, decimal DayPnl, decimal RealisedPnl, decimal Fees, int Positions);
