using System.Globalization;
using ActorTrader.Actors;
using ActorTrader.Domain.Calendar;
using ActorTrader.Trading.Clock;
using ActorTrader.Trading.Rebalancing;
using ActorTrader.Trading.Replay;

namespace ActorTrader.Trading.Day;

/// <summary>
/// The trading-day orchestrator (<c>/user/trading/account-&lt;id&gt;/day</c>): runs each session's phases in order on the
/// market clock — pre-market (reconcile, refresh data), market open, the scheduled strategy runs, the rebalance, market
/// close, post-market (snapshot, backup, report) — with exchange-local times from <see cref="TradingDaySettings"/> turned
/// into UTC per date (DST, holidays and early closes come from the calendar). It works only through
/// <see cref="ITradingDayOperations"/>; each phase's work runs off the actor and is piped back, one phase at a time, with
/// a timeout. A failing operation is logged, the phase reported failed and the day goes on, fail closed: without a
/// successful pre-market reconciliation no rebalance runs that day. <see cref="RebalanceNow"/> rebalances out of schedule.
/// Publishes <see cref="TradingDayPhaseChanged"/>, <see cref="TradingDayPhaseFinished"/>, <see cref="TradingDaySkipped"/>
/// and <see cref="TradingDayCompleted"/> on the event stream.
/// <para>
/// Live mode waits on timers of the actor system's scheduler until each phase is due (virtual time under the TestKit).
/// A node that starts mid-day runs pre-market at once (orders need a reconciliation) and skips, as missed, the other
/// phases whose time has passed. Replay mode moves a <see cref="ReplayMarketClock"/> to each phase's time as soon as the
/// previous phase finished, runs the given number of sessions, tells the listener <see cref="TradingReplayCompleted"/>
/// and stops.
/// </para>
/// <para>
/// Nothing is persisted here: every phase is safe to run again. Reconciliation and the daily snapshot are idempotent, and
/// a rebalance repeated with the same id counts the orders its first run left open and yields the same client order ids,
/// which the order manager refuses to place twice. Dates in its messages and logs are ISO (<c>yyyy-MM-dd</c>) whatever the culture.
/// A restarted live day rebuilds its schedule from the clock; a crashed replay reports what it completed and stops.
/// </para>
/// </summary>
public sealed class TradingDayActor : ReceiveActor, IWithTimers, IWithStash
{
    /// <summary>The actor's name under its account.</summary>
    public const string Name = "day";

    private const string PhaseTimer = "phase";
    private const string TimeoutTimer = "phase-timeout";

    // No calendar closes this many days in a row; bounds the search for the next session.
    private const int MaxDaysToNextSession = 40;

    private readonly TradingDaySettings _settings;
    private readonly IMarketClock _clock;
    private readonly TradingDayWork _work;
    private readonly ReplayPlan? _replay;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly List<object> _outbox = [];
    private readonly List<TradingDaySummary> _summaries = [];
    private DayState? _day;
    private Running? _running;
    private long _workSequence;

    private TradingDayActor(TradingDaySettings settings, ITradingDayOperations operations, IMarketClock clock, ReplayPlan? replay)
    {
        _settings = settings;
        _clock = clock;
        _work = new TradingDayWork(operations, new RebalancePlanner(settings.Rebalance));
        _replay = replay;
        Waiting();
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public IStash Stash { get; set; } = null!;

    private IMarketCalendar Calendar => _clock.Calendar;

    /// <summary>
    /// The live day: phases on timers of the actor system's scheduler. <paramref name="clock"/> must tell the same time as
    /// that scheduler (a <see cref="LiveMarketClock"/> over <see cref="TimeProvider.System"/> with the default scheduler,
    /// or over the scheduler itself).
    /// </summary>
    public static Props LiveProps(TradingDaySettings settings, ITradingDayOperations operations, IMarketClock clock)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(clock);
        return Props.Create(() => new TradingDayActor(settings, operations, clock, null));
    }

    /// <summary>
    /// A replay of <paramref name="days"/> sessions (default <see cref="ReplaySettings.Days"/>) from the first session on or
    /// after <paramref name="start"/> (default <see cref="ReplaySettings.Start"/>), moving <paramref name="clock"/> from phase
    /// to phase; <paramref name="listener"/> gets <see cref="TradingReplayCompleted"/>, then the actor stops.
    /// </summary>
    public static Props ReplayProps(TradingDaySettings settings, ITradingDayOperations operations, ReplayMarketClock clock, IActorRef listener,
        DateOnly? start = null, int? days = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(listener);
        var count = days ?? settings.Replay.Days;
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(days), count, "A replay runs at least one trading day.");
        var plan = new ReplayPlan(clock, start ?? settings.Replay.Start, count, listener);
        return Props.Create(() => new TradingDayActor(settings, operations, clock, plan));
    }

    protected override void PreStart()
    {
        if (_replay is { } replay)
        {
            _log.Info("Trading day replay: {Days} sessions from {Start:l} on the {Calendar} calendar", replay.Days, IsoDate.Text(replay.Start), Calendar.Name);
            BeginDay(FindSession(replay.Start, _ => true), catchUp: false);
        }
        else
        {
            var now = _clock.UtcNow;
            var session = FindSession(Calendar.LocalDate(now), s => TradingDaySchedule.PostMarketAt(s, _settings) > now);
            BeginDay(session, catchUp: true);
        }
        FlushEvents();
    }

    protected override void PreRestart(Exception reason, object? message)
    {
        _running?.Cancellation.Cancel();
        if (_replay is { } replay)
        {
            // Crash-only: the listener learns what was completed; the replay clock cannot go back to start over.
            replay.Listener.Tell(new TradingReplayCompleted(replay.Start, replay.Days, [.. _summaries],
                $"the trading day failed on {IsoDate.Text(_day?.Date)}: {reason.GetType().Name}: {reason.Message}"), Self);
        }
        base.PreRestart(reason, message);
    }

    protected override void PostRestart(Exception reason)
    {
        if (_replay is not null) Context.Stop(Self);
        else base.PostRestart(reason);
    }

    protected override void PostStop() => _running?.Cancellation.Cancel();

    private void Waiting()
    {
        Receive<PhaseDue>(OnPhaseDue);
        Receive<RebalanceNow>(OnRebalanceNow);
        Receive<GetTradingDayStatus>(_ => Sender.Tell(Status(), Self));
        Receive<WorkFinished>(_ => { });
        Receive<PhaseTimedOut>(_ => { });
    }

    private void Busy()
    {
        Receive<WorkFinished>(m => Finish(m.Outcome, timedOut: false), m => m.Work == _running?.Id);
        Receive<PhaseTimedOut>(_ => TimeOut(), m => m.Work == _running?.Id);
        Receive<PhaseDue>(_ => Stash.Stash());
        Receive<RebalanceNow>(_ => Stash.Stash());
        Receive<GetTradingDayStatus>(_ => Sender.Tell(Status(), Self));
        // A stale answer or timeout belongs to work already given up on.
        Receive<WorkFinished>(_ => { });
        Receive<PhaseTimedOut>(_ => { });
    }

    private void BeginDay(MarketSession session, bool catchUp)
    {
        var phases = TradingDaySchedule.Build(session, _settings, Calendar);
        var day = new DayState(session, phases);
        if (catchUp)
        {
            var now = _clock.UtcNow;
            for (var i = 0; i < phases.Count; i++)
            {
                if (phases[i].At >= now) continue;
                // Orders need today's reconciliation, so a late start still runs pre-market while the session can trade.
                if (phases[i].Phase == TradingDayPhase.PreMarket && now < session.Close) continue;
                day.Missed[i] = $"missed: the trading day started at {Local(now)}, after this phase's time {Local(phases[i].At)}";
            }
        }
        _day = day;
        _log.Info("Trading day {Date:l}: session {Open} to {Close}{Early}, {Phases} phases", IsoDate.Text(session.Date), Local(session.Open), Local(session.Close),
            session.IsEarlyClose ? " (early close)" : "", phases.Count);
        ScheduleNext();
    }

    private void ScheduleNext()
    {
        var day = _day!;
        if (day.Next >= day.Phases.Count)
        {
            CompleteDay();
            return;
        }
        var phase = day.Phases[day.Next];
        var due = new PhaseDue(day.Date, day.Next);
        if (_replay is { } replay)
        {
            if (phase.At > replay.Clock.UtcNow) replay.Clock.AdvanceTo(phase.At);
            Self.Tell(due, Self);
            return;
        }
        var delay = phase.At - _clock.UtcNow;
        Timers.StartSingleTimer(PhaseTimer, due, delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
    }

    private void CompleteDay()
    {
        var day = _day!;
        var summary = day.Summary();
        Publish(new TradingDayCompleted(day.Date, summary));
        _log.Info("Trading day {Date:l} completed: {Failures} failed phases, {Orders} orders accepted", IsoDate.Text(day.Date), summary.Failures.Count, summary.OrdersAccepted);
        if (_replay is { } replay)
        {
            _summaries.Add(summary);
            if (_summaries.Count >= replay.Days)
            {
                FlushEvents();
                _log.Info("Trading day replay from {Start:l} completed after {Days} sessions", IsoDate.Text(replay.Start), replay.Days);
                replay.Listener.Tell(new TradingReplayCompleted(replay.Start, replay.Days, [.. _summaries]), Self);
                Context.Stop(Self);
                return;
            }
            BeginDay(FindSession(day.Date.AddDays(1), _ => true), catchUp: false);
            return;
        }
        var now = _clock.UtcNow;
        BeginDay(FindSession(day.Date.AddDays(1), s => TradingDaySchedule.PostMarketAt(s, _settings) > now), catchUp: true);
    }

    private void OnPhaseDue(PhaseDue due)
    {
        if (_day is not { } day || due.Date != day.Date || due.Index != day.Next) return;
        var phase = day.Phases[due.Index];
        var now = _clock.UtcNow;
        var skip = phase.SkipReason
            ?? day.Missed.GetValueOrDefault(due.Index)
            ?? (phase.Phase is TradingDayPhase.StrategyRun or TradingDayPhase.Rebalance && now >= day.Session.Close
                ? $"the session closed at {Local(day.Session.Close)} before it could start"
                : null)
            ?? (phase.Phase == TradingDayPhase.Rebalance && !day.Reconciled ? NotReconciled(day) : null);
        if (skip is not null)
        {
            var report = new PhaseReport(phase.Phase, phase.At, null, null, PhaseStatus.Skipped, skip, phase.Strategies);
            _log.Warning("Trading day {Date:l}: {Phase} due at {At} skipped: {Reason}", IsoDate.Text(day.Date), phase.Phase, Local(phase.At), skip);
            day.Reports.Add(report);
            day.Next = due.Index + 1;
            Publish(new TradingDayPhaseFinished(day.Date, report));
            ScheduleNext();
            FlushEvents();
            return;
        }

        var date = day.Date;
        var session = day.Session;
        var strategies = phase.Strategies;
        var rebalanceId = RebalanceId(phase.At) + (phase.AfterRun ? "-run" : "");
        var running = NewRunning(phase.Phase, phase.At, now, due.Index, strategies, phase.Phase == TradingDayPhase.Rebalance ? rebalanceId : null, null, null);
        Func<CancellationToken, Task<PhaseOutcome>> work = phase.Phase switch
        {
            TradingDayPhase.PreMarket => ct => _work.PreMarketAsync(date, ct),
            TradingDayPhase.MarketOpen => ct => _work.MarketOpenAsync(session, ct),
            TradingDayPhase.StrategyRun => ct => _work.StrategyRunAsync(date, phase.At, strategies, ct),
            TradingDayPhase.Rebalance => ct => _work.RebalanceAsync(date, null, rebalanceId, now, manual: false, ct),
            TradingDayPhase.MarketClose => ct => _work.MarketCloseAsync(session, ct),
            TradingDayPhase.PostMarket => SummaryWork(day.Summary()),
            _ => throw new InvalidOperationException($"Unknown trading day phase {phase.Phase}."),
        };
        if (phase.Note is { } note) _log.Info("Trading day {Date:l}: {Phase} {Note}", IsoDate.Text(date), phase.Phase, note);
        Start(running, work);
        FlushEvents();
    }

    private Func<CancellationToken, Task<PhaseOutcome>> SummaryWork(TradingDaySummary summary) => ct => _work.PostMarketAsync(summary, ct);

    private void OnRebalanceNow(RebalanceNow command)
    {
        var now = _clock.UtcNow;
        var refusal = RefusalOf(now);
        if (refusal is not null)
        {
            _log.Warning("Rebalance{Sleeve} refused: {Reason}", command.Sleeve is null ? "" : " of " + command.Sleeve, refusal);
            Sender.Tell(new RebalanceRefused(refusal), Self);
            return;
        }
        var day = _day!;
        var date = day.Date;
        var rebalanceId = "manual-" + now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture) + "Z";
        _log.Info("Trading day {Date:l}: operator rebalance {RebalanceId}{Sleeve}", IsoDate.Text(date), rebalanceId, command.Sleeve is null ? "" : " of sleeve " + command.Sleeve);
        var running = NewRunning(TradingDayPhase.Rebalance, now, now, null, [], rebalanceId, command.Sleeve, Sender);
        Start(running, ct => _work.RebalanceAsync(date, command.Sleeve, rebalanceId, now, manual: true, ct));
        FlushEvents();
    }

    private string? RefusalOf(DateTimeOffset now)
    {
        if (!Calendar.IsOpen(now))
        {
            var next = Calendar.NextSession(now);
            return $"the market is closed at {Local(now)} on {IsoDate.Text(Calendar.LocalDate(now))}; the next session opens at {Local(next.Open)} on {IsoDate.Text(next.Date)}. Fix: rebalance while the market is open.";
        }
        if (_day is not { } day || day.Date != Calendar.LocalDate(now))
            return "today's trading day has not started yet. Fix: wait for its pre-market phase.";
        return day.Reconciled ? null : NotReconciled(day) + " Fix: resolve the reconciliation problem, then restart the node so pre-market runs again.";
    }

    private static string NotReconciled(DayState day) =>
        $"today's pre-market reconciliation did not succeed ({day.ReconcileProblem}), so no orders are placed today (fail closed).";

    private Running NewRunning(TradingDayPhase phase, DateTimeOffset scheduledAt, DateTimeOffset startedAt, int? index, IReadOnlyList<string> strategies,
        string? rebalanceId, string? sleeve, IActorRef? requester) =>
        new(++_workSequence, phase, scheduledAt, startedAt, index, strategies, rebalanceId, sleeve, requester, new CancellationTokenSource());

    private void Start(Running running, Func<CancellationToken, Task<PhaseOutcome>> work)
    {
        _running = running;
        var day = _day!;
        Publish(new TradingDayPhaseChanged(day.Date, running.Phase, running.StartedAt));
        _log.Info("Trading day {Date:l}: {Phase} started at {At}{Strategies}", IsoDate.Text(day.Date), running.Phase, Local(running.StartedAt),
            running.Strategies.Count > 0 ? " (" + string.Join(", ", running.Strategies) + ")" : "");
        var id = running.Id;
        var token = running.Cancellation.Token;
        Timers.StartSingleTimer(TimeoutTimer, new PhaseTimedOut(id), _settings.PhaseTimeout);
        Task.Run(() => work(token), CancellationToken.None)
            .PipeTo(Self, Self, outcome => new WorkFinished(id, outcome), error => new WorkFinished(id, PhaseOutcome.Crashed(error)));
        Become(Busy);
    }

    private void TimeOut()
    {
        var running = _running!;
        running.Cancellation.Cancel();
        var reason = $"did not finish within {_settings.PhaseTimeout} (actortrader.trading.day.phase-timeout); its work was cancelled";
        Finish(new PhaseOutcome([StepOutcome.Refused(running.Phase.ToString(), reason)]), timedOut: true);
    }

    private void Finish(PhaseOutcome outcome, bool timedOut)
    {
        var running = _running!;
        _running = null;
        Timers.Cancel(TimeoutTimer);
        // A timed-out task may still hold the token; only a finished one lets its source go.
        if (!timedOut) running.Cancellation.Dispose();
        var day = _day!;
        var now = _clock.UtcNow;
        foreach (var step in outcome.Steps.Where(s => !s.Succeeded))
        {
            if (step.Error is { } error) _log.Error(error, "Trading day {Date:l}: {Phase} failed: {Failure}", IsoDate.Text(day.Date), running.Phase, step.Failure);
            else _log.Warning("Trading day {Date:l}: {Phase} failed: {Failure}", IsoDate.Text(day.Date), running.Phase, step.Failure);
        }
        var report = new PhaseReport(running.Phase, running.ScheduledAt, running.StartedAt, now,
            outcome.Succeeded ? PhaseStatus.Completed : PhaseStatus.Failed, outcome.Detail, running.Strategies, running.Requester is not null);
        if (running.Phase == TradingDayPhase.PreMarket)
        {
            day.Reconciled = outcome.StepSucceeded(TradingDayWork.Reconcile);
            day.ReconcileProblem = day.Reconciled ? "" : outcome.Steps.FirstOrDefault(s => s.Step == TradingDayWork.Reconcile)?.Failure ?? outcome.Detail;
        }
        day.Reports.Add(report);
        RebalanceReport? rebalance = null;
        if (running.RebalanceId is { } rebalanceId)
        {
            rebalance = outcome.Rebalance ?? new RebalanceReport(rebalanceId, running.Sleeve, running.Requester is not null, running.StartedAt, null, [], outcome.Detail);
            day.Rebalances.Add(rebalance);
        }
        _log.Info("Trading day {Date:l}: {Phase} {Status}: {Detail}", IsoDate.Text(day.Date), running.Phase, report.Status, report.Detail);
        Become(Waiting);
        Stash.UnstashAll();
        Publish(new TradingDayPhaseFinished(day.Date, report));
        if (running.Requester is { } requester)
        {
            requester.Tell(new RebalanceCompleted(rebalance!), Self);
        }
        else
        {
            day.Next = running.Index!.Value + 1;
            ScheduleNext();
        }
        FlushEvents();
    }

    private TradingDayStatus Status()
    {
        var day = _day;
        var nextIndex = day is null ? 0 : _running?.Index == day.Next ? day.Next + 1 : day.Next;
        var next = day is not null && nextIndex < day.Phases.Count ? day.Phases[nextIndex] : null;
        return new TradingDayStatus(_replay is null ? "live" : "replay", day?.Date, day?.Session, _running?.Phase, next?.Phase, next?.At,
            day?.Reconciled ?? false, day is null ? [] : [.. day.Reports]);
    }

    /// <summary>
    /// The first session on or after <paramref name="from"/> that <paramref name="accept"/> takes; weekdays without a session
    /// on the way are published as <see cref="TradingDaySkipped"/>.
    /// </summary>
    private MarketSession FindSession(DateOnly from, Func<MarketSession, bool> accept)
    {
        var date = from;
        for (var i = 0; i <= MaxDaysToNextSession; i++, date = date.AddDays(1))
        {
            var session = Calendar.SessionOn(date);
            if (session is null)
            {
                if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                {
                    var reason = Calendar is NyseCalendar && HolidayName(date) is { } name ? $"{Calendar.Name} holiday: {name}" : $"no {Calendar.Name} session";
                    _log.Info("Trading day {Date:l} skipped: {Reason}", IsoDate.Text(date), reason);
                    Publish(new TradingDaySkipped(date, reason));
                }
                continue;
            }
            if (accept(session)) return session;
        }
        throw new InvalidOperationException($"The {Calendar.Name} calendar has no session within {MaxDaysToNextSession} days after {IsoDate.Text(from)}; its holiday rules are inconsistent.");
    }

    private static string? HolidayName(DateOnly date) =>
        NyseCalendar.Holidays(date.Year).FirstOrDefault(h => h.Date == date)?.Name;

    private static string RebalanceId(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) + "Z";

    private string Local(DateTimeOffset instant) => TradingDaySchedule.Local(Calendar, instant);

    private void Publish(object @event) => _outbox.Add(@event);

    // Events go out at the end of a handler, after the next timer is set, so a subscriber may move time on.
    private void FlushEvents()
    {
        foreach (var @event in _outbox) Context.System.EventStream.Publish(@event);
        _outbox.Clear();
    }

    private sealed record ReplayPlan(ReplayMarketClock Clock, DateOnly Start, int Days, IActorRef Listener);

    /// <summary>The work in flight: a scheduled phase (<see cref="Index"/>) or an operator's rebalance (<see cref="Requester"/>).</summary>
    private sealed record Running(
        long Id,
        TradingDayPhase Phase,
        DateTimeOffset ScheduledAt,
        DateTimeOffset StartedAt,
        int? Index,
        IReadOnlyList<string> Strategies,
        string? RebalanceId,
        string? Sleeve,
        IActorRef? Requester,
        CancellationTokenSource Cancellation);

    /// <summary>One session's schedule and what happened so far.</summary>
    private sealed class DayState(MarketSession session, IReadOnlyList<ScheduledPhase> phases)
    {
        public DateOnly Date => Session.Date;

        public MarketSession Session { get; } = session;

        public IReadOnlyList<ScheduledPhase> Phases { get; } = phases;

        /// <summary>Index of the next phase to run.</summary>
        public int Next { get; set; }

        /// <summary>Phases whose time had passed when a live day started, with the reason.</summary>
        public Dictionary<int, string> Missed { get; } = [];

        public List<PhaseReport> Reports { get; } = [];

        public List<RebalanceReport> Rebalances { get; } = [];

        public bool Reconciled { get; set; }

        public string ReconcileProblem { get; set; } = "pre-market has not run yet";

        public TradingDaySummary Summary() => new(Date, Session, Reconciled, [.. Reports], [.. Rebalances]);
    }
}
