using ActorTrader.Actors;
using ActorTrader.Domain.Calendar;
using ActorTrader.Trading.Accounts;
using ActorTrader.Trading.Broker;
using ActorTrader.Trading.Clock;
using ActorTrader.Trading.Day;
using ActorTrader.Trading.Host.Reports;
using ActorTrader.Trading.Host.Targets;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Host.Replay;

/// <summary>
/// Runs a replay on a prepared <see cref="TradingCore"/>: the cursor says which days are done (a restarted replay goes
/// on after the last one), a virtual market clock moves the trading day through the remaining sessions (the paper broker
/// fed with each day's open and close quotes; each day's targets fitted on the data before it, point in time), each
/// completed day is journaled and printed, and at the end the report is written and the cursor marked finished.
/// </summary>
public static class ReplayRunner
{
    public static async Task<ReplayResult> RunAsync(TradingCore core, ReplayPlan plan, ReplayProgress progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(core);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(progress);
        var setup = core.Setup;
        var calendar = setup.Calendar;
        var cursorActor = await core.CreateChildAsync(ReplayCursorActor.CreateProps(), ReplayCursorActor.Name, cancellationToken).ConfigureAwait(false);
        var started = new ReplayStarted(plan.Run.Value, plan.Start, plan.Days, plan.Quotes.Source, plan.Quotes.Synthetic, plan.Profile, plan.WallClock.GetUtcNow());
        var cursor = await cursorActor.Ask<ReplayCursor>(new BeginReplay(started), setup.AskTimeout, cancellationToken).ConfigureAwait(false);
        progress.Resume(cursor.Completed.Count, cursor.Last?.Date, cursor.Last?.NetAssetValue, cursor.Last?.LedgerFillCount ?? 0);
        var remaining = plan.Sessions.Where(s => cursor.Last is not { } last || s.Date > last.Date).ToList();

        var completed = new TaskCompletionSource<TradingReplayCompleted>(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = plan.Clock;
        // A resumed replay starts at its first remaining day; the clock only moves forward.
        if (remaining.Count > 0 && calendar.StartOfDayUtc(remaining[0].Date) is var resumeAt && resumeAt > clock.UtcNow) clock.AdvanceTo(resumeAt);
        var recorder = new ReplayRecorder(cursorActor, progress, plan.Output, plan.WallClock, plan.Bar) { Pace = plan.Pace };
        Func<AccountRefs, Props>? day = null;
        if (remaining.Count > 0)
        {
            var listener = setup.System.ActorOf(ReplayListener.CreateProps(completed));
            day = refs => TradingDayActor.ReplayProps(setup.Day, core.Operations(refs, plan.Quotes, clock, recorder), clock, listener, remaining[0].Date, remaining.Count);
        }
        else
        {
            completed.TrySetResult(new TradingReplayCompleted(plan.Start, 0, []));
        }
        plan.Bar?.Draw(progress.View);
        var refs = await core.StartAccountAsync(day, new ClockedCalendar(calendar, clock), cancellationToken).ConfigureAwait(false);
        var done = await completed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        plan.Bar?.Clear();

        cursor = await cursorActor.Ask<ReplayCursor>(GetReplayCursor.Instance, setup.AskTimeout, cancellationToken).ConfigureAwait(false);
        var ledger = await refs.Ledger.Ask<LedgerView>(GetLedger.Instance, setup.AskTimeout, cancellationToken).ConfigureAwait(false);
        var error = done.Error ?? (cursor.Completed.Count < plan.Days
            ? $"{plan.Days - cursor.Completed.Count} of {plan.Days} days did not complete (see the failed phases in the log); the next start with the same arguments runs them"
            : null);
        string? report = null;
        if (plan.Artifacts is { } artifacts)
        {
            var data = await CollectAsync(core, refs, plan, cursor, ledger, cancellationToken).ConfigureAwait(false);
            report = new RunReportWriter(artifacts, calendar).Write(data);
        }
        if (error is null)
        {
            cursor = await cursorActor.Ask<ReplayCursor>(new FinishReplay(plan.Run.Value), setup.AskTimeout, cancellationToken).ConfigureAwait(false);
            progress.Finish();
        }
        return new ReplayResult(done.Summaries, cursor, report, ledger, error);
    }

    /// <summary>Everything the report shows, read from the account's actors and the journal.</summary>
    public static async Task<RunReportData> CollectAsync(TradingCore core, AccountRefs refs, ReplayPlan plan, ReplayCursor cursor, LedgerView ledger, CancellationToken cancellationToken)
    {
        var timeout = core.Setup.AskTimeout;
        var daily = await refs.Ledger.Ask<PortfolioDailyHistory>(GetPortfolioDaily.Instance, timeout, cancellationToken).ConfigureAwait(false);
        var orders = await refs.Orders.Ask<OrdersView>(new GetOrders(), timeout, cancellationToken).ConfigureAwait(false);
        var positions = await refs.Broker.Ask<BrokerPositionsResult>(GetBrokerPositions.Instance, timeout, cancellationToken).ConfigureAwait(false);
        var (opening, fills) = await LedgerJournal.ReadAsync(core.Setup.System, refs.AccountId, cancellationToken).ConfigureAwait(false);
        var sessions = plan.Sessions.Select(s => s.Date).ToHashSet();
        var notes = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["Replay"] = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{plan.Days} sessions from {plan.Start:yyyy-MM-dd}"),
        };
        if (core.Targets is MetaScheduleTargets { LastOutcome: { } outcome } meta)
        {
            notes["Meta-weights"] = string.Join(", ", outcome.MetaWeights.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + " " + (kv.Value * 100).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "%"))
                + " (the last day's fit)";
            notes["Fits"] = meta.Fits.ToString(System.Globalization.CultureInfo.InvariantCulture) + " (one per day: the sleeves and the meta-weights are refitted on the data before each day)";
        }
        return new RunReportData(plan.Run.Value, "replay", plan.Profile, core.Setup.BrokerName, plan.Quotes.Source, plan.Quotes.Synthetic,
            opening ?? ledger.Cash, [.. daily.Rows.Where(r => sessions.Contains(r.Date))], cursor.Completed, orders.Orders, fills, ledger, positions.Positions)
        {
            Dropped = plan.Dropped,
            Notes = notes,
        };
    }
}
