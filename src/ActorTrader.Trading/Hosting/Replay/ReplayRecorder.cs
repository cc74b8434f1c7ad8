using System.Globalization;
using ActorTrader.Actors;
using ActorTrader.Trading.Host.Operations;

namespace ActorTrader.Trading.Host.Replay;

/// <summary>
/// Hears each completed replay day: journals it in the replay cursor (so a restart continues after it), moves the
/// progress on and prints the day's line — date, day k/N, NAV, day P&amp;L, orders accepted, fills — on the output.
/// </summary>
public sealed class ReplayRecorder(IActorRef cursor, ReplayProgress progress, TextWriter output, TimeProvider wallClock, IReplayProgressBar? bar = null) : ITradingDayListener
{
    /// <summary>The format of a day's line; the crash test and scripts parse it.</summary>
    public static string Line(DateOnly date, int day, int total, decimal nav, decimal dayPnl, int orders, int fills) => string.Create(CultureInfo.InvariantCulture,
        $"{date:yyyy-MM-dd} day {day}/{total} NAV {nav:0.00} P&L {dayPnl:+0.00;-0.00;0.00} orders {orders} fills {fills}");

    /// <summary>Wall time waited after each day's line (actortrader.trading.run.replay-pace); the next day starts after it.</summary>
    public TimeSpan Pace { get; init; }

    public async Task DayCompletedAsync(CompletedTradingDay day, CancellationToken cancellationToken)
    {
        var before = progress.View;
        var number = before.Completed + 1;
        var fills = Math.Max(0, day.LedgerFillCount - before.LedgerFillCount);
        var snapshot = day.Snapshot;
        var record = new ReplayDayCompleted(day.Summary.Date, number, snapshot.NetAssetValue, snapshot.DayPnl, day.Summary.OrdersAccepted, fills, day.LedgerFillCount, wallClock.GetUtcNow());
        await cursor.Ask<ReplayCursor>(new RecordReplayDay(record), TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        progress.DayDone(day.Summary.Date, snapshot.NetAssetValue, day.LedgerFillCount);
        bar?.Clear();
        await output.WriteLineAsync(Line(record.Date, number, before.Total, record.NetAssetValue, record.DayPnl, record.Orders, record.Fills)).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        bar?.Draw(progress.View);
        if (Pace > TimeSpan.Zero) await Task.Delay(Pace, wallClock, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>A progress bar drawn beside the day lines (on a terminal only).</summary>
public interface IReplayProgressBar
{
    /// <summary>Removes the bar so a line can be printed.</summary>
    void Clear();

    void Draw(ReplayProgressView view);
}
