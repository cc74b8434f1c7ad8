using ActorTrader.Trading.Day;
using ActorTrader.Trading.Ledger;

namespace ActorTrader.Trading.Host.Replay;

/// <summary>How a replay ended: the days it ran in this process, the cursor after it, the report directory and the ledger at the end.</summary>
/// <param name="Error">Set when the trading day stopped before the last day (the cursor keeps the completed days).</param>
public sealed record ReplayResult(
    IReadOnlyList<TradingDaySummary> Summaries,
    ReplayCursor Cursor,
    string? ReportDirectory,
    LedgerView Ledger,
    string? Error)
{
    public bool Succeeded => Error is null;
}
