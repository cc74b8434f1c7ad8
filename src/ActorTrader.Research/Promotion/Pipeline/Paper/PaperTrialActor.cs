using System.Globalization;
using ActorTrader.Actors;
using ActorTrader.Domain.Calendar;
using ActorTrader.Research.Discovery;
using ActorTrader.Strategies;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Parameters;

namespace ActorTrader.Research.Promotion.Pipeline.Paper;

/// <summary>
/// <c>/user/research/promotion/paper-&lt;id&gt;</c>: runs one candidate on paper in its own paper account
/// (<see cref="PaperTrialServices.FileOf"/>), one NYSE session at a time (<see cref="PaperDay"/>), after the session's close
/// plus <see cref="PaperTrialSettings.AfterClose"/> on the actor system's scheduler (virtual time in tests), or when told
/// <see cref="RunPaperTrials"/>. Days run in date order, each only after the previous one is journaled by the promotion
/// actor (its parent, the only writer); a day whose bar is not there yet waits for the next close, a day the data skips
/// for good is journaled as skipped, and a day that fails (the account file, the data, the strategy) is logged and run
/// again next time — nothing is booked for it.
/// <para>
/// Nothing is persisted here. On (re)start the trial asks its parent where the journal stands and catches up from there;
/// the paper account makes a day run again harmless (see <see cref="PaperDay"/>), and the parent books each date once.
/// </para>
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "An actor is not disposed: PostStop cancels the token source; a day still running may hold its token.")]
internal sealed class PaperTrialActor : ReceiveActor, IWithTimers
{
    private const string TickTimer = "paper-day";
    private readonly string _id;
    private readonly PaperTrialSettings _settings;
    private readonly PaperTrialServices _services;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly CancellationTokenSource _stopping = new();
    private readonly HashSet<DateOnly> _holidaysLogged = [];
    private PaperTrialCursor _cursor = null!;
    private IStrategy _strategy = null!;
    private ParameterSet _parameters = null!;
    private BarPanel? _panel;
    private MarketSession? _running;
    private int _pass;

    public PaperTrialActor(string id, PaperTrialSettings settings, PaperTrialServices services)
    {
        _id = id;
        _settings = settings;
        _services = services;
        Starting();
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static string NameOf(string id) => "paper-" + id;

    public static Props CreateProps(string id, PaperTrialSettings settings, PaperTrialServices services)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(services);
        return Props.Create(() => new PaperTrialActor(id, settings, services));
    }

    private static NyseCalendar Calendar => MarketCalendars.Nyse;

    private static DateTimeOffset Now => Context.System.Scheduler.Now;

    protected override void PreStart() => Context.Parent.Tell(new GetPaperTrialCursor(_id), Self);

    protected override void PostStop() => _stopping.Cancel();

    private void Starting()
    {
        Receive<PaperTrialCursor>(OnCursor);
        Receive<RunPaperTrials>(_ => { });
        DropLeftovers();
    }

    private void OnCursor(PaperTrialCursor cursor)
    {
        if (!cursor.OnPaper)
        {
            Context.Stop(Self);
            return;
        }
        _cursor = cursor;
        if (cursor.Rule is { } rule)
        {
            // A discovered rule is its own strategy, without parameters.
            try
            {
                _strategy = new RuleStrategy(cursor.Strategy, TradingRule.Parse(rule));
                _parameters = ParameterSet.Empty;
            }
            catch (RuleParseException e)
            {
                _log.Error(e, "Paper trial of {Id} cannot run: its rule \"{Rule}\" does not parse. Fix: reject the candidate; its genome is not runnable.", _id, rule);
                Become(() => ReceiveAny(_ => { }));
                return;
            }
        }
        else if (!_services.Catalog.TryGet(cursor.Strategy, out var strategy))
        {
            _log.Error("Paper trial of {Id} cannot run: strategy {Strategy} is not in the catalog ({Known}). Fix: run a node that knows the strategy.",
                _id, cursor.Strategy, string.Join(", ", _services.Catalog.Names));
            Become(() => ReceiveAny(_ => { }));
            return;
        }
        else
        {
            try
            {
                _strategy = strategy;
                _parameters = strategy.Parameters.WithOverrides(cursor.Parameters, strategy.Name);
            }
            catch (ArgumentException e)
            {
                _log.Error(e, "Paper trial of {Id} cannot run: its parameters do not fit {Strategy}. Fix: reject the candidate; its genome is not runnable.", _id, cursor.Strategy);
                Become(() => ReceiveAny(_ => { }));
                return;
            }
        }
        _log.Info("Paper trial of {Id} ({Strategy}) runs in {File}; {Last}", _id, cursor.Strategy, _services.FileOf(_id),
            cursor.Last is { } last ? $"booked up to {Iso(last)}" : "no day booked yet");
        BeginPass();
    }

    private void Idle()
    {
        Receive<RunPaperTrials>(_ => BeginPass());
        DropLeftovers();
    }

    private void Working()
    {
        // A pass runs every due day up to the clock's now when it gets there: a tick meanwhile has nothing to add.
        Receive<RunPaperTrials>(_ => { });
        Receive<PaperPanelLoaded>(loaded =>
        {
            _panel = loaded.Panel;
            RunNext();
        }, loaded => loaded.Pass == _pass);
        Receive<PaperPanelFailed>(failed =>
        {
            _log.Error(failed.Error, "Paper trial of {Id}: the bars could not be loaded from {Source}; no day is booked, the trial tries again after the next close",
                _id, _services.Data.Description);
            if (Due(Now) is { } due) Defer(due.Date, $"the bars could not be loaded from {_services.Data.Description}: {failed.Error.Message}");
            EndPass();
        }, failed => failed.Pass == _pass);
        Receive<PaperDayWorked>(OnWorked, worked => worked.Pass == _pass && worked.Date == _running?.Date);
        Receive<PaperDayFailed>(failed =>
        {
            _log.Error(failed.Error, "Paper day {Date} of {Id} failed; nothing was booked and the day runs again after the next close", Iso(failed.Date), _id);
            Defer(failed.Date, $"{failed.Error.GetType().Name}: {failed.Error.Message}");
            EndPass();
        }, failed => failed.Pass == _pass && failed.Date == _running?.Date);
        Receive<PaperDayBooked>(booked =>
        {
            _cursor = _cursor with { Last = booked.Last, LastNav = booked.LastNav };
            _running = null;
            RunNext();
        }, booked => _running is not null);
        DropLeftovers();
    }

    /// <summary>Answers to a pass that has ended, or to an earlier incarnation of this trial, change nothing: the journal is the truth.</summary>
    private void DropLeftovers()
    {
        Receive<PaperDayBooked>(_ => { });
        Receive<PaperDayWorked>(_ => { });
        Receive<PaperDayFailed>(_ => { });
        Receive<PaperPanelLoaded>(_ => { });
        Receive<PaperPanelFailed>(_ => { });
    }

    private void BeginPass()
    {
        if (Due(Now) is null)
        {
            EndPass();
            return;
        }
        var pass = ++_pass;
        Become(Working);
        _services.Data.LoadAsync(_strategy, _stopping.Token)
            .PipeTo(Self, Self, panel => new PaperPanelLoaded(pass, panel), error => new PaperPanelFailed(pass, error));
    }

    private void RunNext()
    {
        var session = Due(Now);
        if (session is null || _panel is null)
        {
            EndPass();
            return;
        }
        _running = session;
        var pass = _pass;
        var job = new PaperDayJob(_id, _strategy, _parameters, _panel, _services.Data.Description, session, _cursor.LastNav, _services.FileOf(_id), _settings);
        var token = _stopping.Token;
        Task.Run(() => PaperDay.RunAsync(job, token), token)
            .PipeTo(Self, Self, outcome => new PaperDayWorked(pass, session.Date, outcome), error => new PaperDayFailed(pass, session.Date, error));
    }

    private void OnWorked(PaperDayWorked worked)
    {
        switch (worked.Outcome)
        {
            case PaperDayDone done:
                Context.Parent.Tell(new BookPaperDay(done.Record), Self);
                break;
            case PaperDayGap gap:
                _log.Warning("Paper day {Date} of {Id} is skipped: {Reason}", Iso(gap.Skip.Date), _id, gap.Skip.Reason);
                Context.Parent.Tell(new BookPaperSkip(gap.Skip), Self);
                break;
            case PaperDayStale stale:
                _log.Warning("Paper day {Date} of {Id} is skipped for now and not counted: {Reason}", Iso(stale.Date), _id, stale.Reason);
                Defer(stale.Date, stale.Reason);
                EndPass();
                break;
        }
    }

    private void Defer(DateOnly date, string reason) => Context.System.EventStream.Publish(new PaperDayDeferred(_id, date, reason));

    private void EndPass()
    {
        _panel = null;
        _running = null;
        Become(Idle);
        // The next tick: the first session whose close plus the delay is still ahead (a day waiting for its bar is tried then too).
        var now = Now;
        var next = Calendar.NextSession(now - _settings.AfterClose);
        var at = next.Close + _settings.AfterClose;
        Timers.StartSingleTimer(TickTimer, RunPaperTrials.Instance, at > now ? at - now : TimeSpan.Zero);
        Context.System.EventStream.Publish(new PaperTrialWaiting(_id, _cursor.Last, at));
    }

    /// <summary>The first session after the booked ones, on paper since, whose close plus the delay has passed at <paramref name="now"/>; null when none.</summary>
    private MarketSession? Due(DateTimeOffset now)
    {
        var from = _cursor.Last is { } last ? last.AddDays(1) : Calendar.LocalDate(_cursor.Since);
        var to = Calendar.LocalDate(now);
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            var session = Calendar.SessionOn(date);
            if (session is null)
            {
                if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && _holidaysLogged.Add(date))
                    _log.Info("Paper trial of {Id}: {Date} is a holiday on the NYSE calendar; it is not a paper day", _id, Iso(date));
                continue;
            }
            if (session.Close <= _cursor.Since) continue;
            return session.Close + _settings.AfterClose <= now ? session : null;
        }
        return null;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
