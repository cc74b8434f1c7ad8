namespace ActorTrader.Hosting.Management;

/// <summary>The trading core in <c>GET /api/status</c>.</summary>
/// <param name="Mode"><c>replay</c> or <c>live-clock</c>.</param>
/// <param name="State"><c>starting</c> (computing targets, reconciling), <c>running</c>, <c>finished</c> (a replay that ended) or <c>failed</c>.</param>
/// <param name="Account">The broker account id.</param>
/// <param name="Broker">The broker (paper, alpaca-paper, alpaca-live).</param>
/// <param name="TradingAllowed">Whether the trading gate lets orders through now.</param>
/// <param name="ReducingOnly">True when only orders that reduce exposure pass (risk REDUCING).</param>
/// <param name="Permission">The gate's reason for its permission.</param>
/// <param name="Reconciliation">The last startup reconciliation: unknown, succeeded or failed with the reason.</param>
/// <param name="RiskState">ACTIVE, REDUCING or HALTED with the reason; unknown before the risk manager answered.</param>
/// <param name="Nav">Net asset value from the ledger; null before it answered.</param>
/// <param name="Cash">Cash from the ledger.</param>
/// <param name="Replay">The replay's progress; null in live-clock mode.</param>
public sealed record TradingStatusView(
    string Mode,
    string State,
    string Account,
    string Broker,
    bool TradingAllowed,
    bool ReducingOnly,
    string Permission,
    string Reconciliation,
    string RiskState,
    decimal? Nav,
    decimal? Cash,
    ReplayStatusView? Replay);

/// <summary>A replay's progress: <paramref name="Day"/> days of <paramref name="Days"/> done, the last one <paramref name="Date"/>.</summary>
public sealed record ReplayStatusView(string RunId, string Start, int Day, int Days, string? Date, bool Finished);
