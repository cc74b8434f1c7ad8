using ActorTrader.Trading.Day;
using ActorTrader.Trading.Ledger;

namespace ActorTrader.Trading.Host.Operations;

/// <summary>One finished trading day as the node reports it: the day's summary, its portfolio_daily row and the ledger after it.</summary>
/// <param name="LedgerFillCount">Executions the ledger has booked in all (the day's fills are the difference to the day before).</param>
public sealed record CompletedTradingDay(TradingDaySummary Summary, DailySnapshotTaken Snapshot, int LedgerFillCount);

/// <summary>Told at the end of each day's post-market phase (after the daily snapshot): the replay prints and journals its progress here.</summary>
public interface ITradingDayListener
{
    Task DayCompletedAsync(CompletedTradingDay day, CancellationToken cancellationToken);
}
