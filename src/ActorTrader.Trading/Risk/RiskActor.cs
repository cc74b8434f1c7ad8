using ActorTrader.Actors;
using ActorTrader.Domain.Calendar;
using ActorTrader.Persistence;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Risk.Actions;
using ActorTrader.Trading.Risk.Monitoring;
using ActorTrader.Trading.Risk.PreTrade;

namespace ActorTrader.Trading.Risk;

/// <summary>
/// <c>account-&lt;id&gt;/risk</c>: the risk manager of one account, event-sourced under <c>risk-&lt;accountId&gt;</c>.
/// <list type="bullet">
/// <item>Pre-trade: <see cref="CheckOrders"/> runs <see cref="PreTradeChecks"/> against the latest ledger view and the
/// day's trade count, and answers at once: nothing is journaled on the way from a signal to the broker but the order
/// manager's <c>OrderSubmitted</c> (the trade count's design is in <c>RiskActor.TradeCount.cs</c>).</item>
/// <item>Monitoring: every <see cref="LedgerChanged"/> of the account (from the event stream) is measured by the
/// <see cref="RiskMonitor"/>; a tripped circuit breaker takes its <see cref="RiskAction"/>. A view with unmarked
/// positions (valued at cost) is not measured.</item>
/// <item>Automatic actions go THROUGH the order manager: <c>CancelAllOpenOrders</c>, <c>CancelOrder</c> of replaced
/// stops and <c>SubmitOrder</c>s of sleeve <c>risk</c> with deterministic client order ids. Each is journaled
/// (<see cref="RiskActionTaken"/>) before anything is sent and tried again with backoff until it is carried out
/// (<see cref="RiskActionCompleted"/>) or superseded (<c>RiskActor.Actions.cs</c>).</item>
/// <item>Trading state ACTIVE → REDUCING → HALTED, journaled with reason and time; every change sends a
/// <see cref="TradingPermission"/> to the order manager, and a restricted state is sent again after recovery.</item>
/// </list>
/// Fail-closed: a journal that cannot be read or written stops the actor (its supervisor restarts it from the journal).
/// </summary>
public sealed partial class RiskActor : ReceivePersistentActor, IWithTimers
{
    public const string PersistenceIdPrefix = "risk-";

    /// <summary>
    /// Peak NAV and the day's high are journaled when they rise by at least this fraction over the journaled value, not on
    /// every mark: after a restart they are at most 0.1% low, and a rising market does not write an event per tick.
    /// </summary>
    public const decimal HighJournalStep = 0.001m;

    private readonly string _accountId;
    private readonly RiskSettings _settings;
    private readonly IActorRef _orderManager;
    private readonly IActorRef? _ledgerActor;
    private readonly IMarketCalendar _calendar;
    private readonly PreTradeChecks _checks;
    private readonly RiskMonitor _monitor;
    private readonly HashSet<string> _tripped = new(StringComparer.Ordinal);

    private TradingStatus _status = TradingStatus.Initial;
    private LedgerView? _ledger;
    private decimal? _peakNav;
    private decimal? _journaledPeak;
    private DateOnly? _day;
    private DateTimeOffset? _dayStartedAt;
    private decimal? _dayOpenNav;
    private decimal? _dayHighNav;
    private decimal? _journaledDayHigh;
    private int _actionCount;
    private string? _unmarkedLogged;

    /// <param name="ledger">Asked for its view once recovery is done (null: wait for the first <see cref="LedgerChanged"/>).</param>
    /// <param name="checks">The pre-trade rules; <see cref="PreTradeChecks.Standard"/> of the settings when null.</param>
    public RiskActor(string accountId, RiskSettings settings, IActorRef orderManager, IMarketCalendar calendar, IActorRef? ledger = null, PreTradeChecks? checks = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        _accountId = accountId;
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _orderManager = orderManager ?? throw new ArgumentNullException(nameof(orderManager));
        _calendar = calendar ?? throw new ArgumentNullException(nameof(calendar));
        _ledgerActor = ledger;
        _checks = checks ?? PreTradeChecks.Standard(settings);
        _monitor = new RiskMonitor(settings.CircuitBreakers);

        Recover<RiskTradingStateChanged>(Apply);
        Recover<RiskDayStarted>(Apply);
        Recover<RiskOrdersApproved>(_journaledApprovals.Add);
        Recover<RiskNavHighsRaised>(Apply);
        Recover<RiskActionTaken>(Apply);
        Recover<RiskActionRetried>(Apply);
        Recover<RiskActionCompleted>(Apply);
        Recover<RecoveryCompleted>(_ => OnRecovered());

        Command<CheckOrders>(HandleCheck);
        Command<OrdersView>(OnTodaysOrders, view => view.AccountId == _accountId);
        Command<OrdersView>(_ => { }); // another account's book
        Command<TodaysOrdersOverdue>(_ => AskTodaysOrdersAgain());
        Command<OrderChanged>(OnOrderChanged, changed => changed.AccountId == _accountId);
        Command<OrderChanged>(_ => { }); // another account's order
        Command<LedgerChanged>(changed => OnLedger(changed.View));
        Command<LedgerView>(OnLedger);
        Command<GetRiskState>(_ =>
        {
            if (!WaitsForTodaysOrders()) Sender.Tell(View(), Self);
        });
        Command<ResumeTrading>(resume =>
        {
            if (!WaitsForTodaysOrders()) HandleResume(resume);
        });
        Command<StartOfDay>(start =>
        {
            if (!WaitsForTodaysOrders()) HandleStartOfDay(start);
        });
        Command<OrderSubmitAccepted>(OnSubmitAccepted);
        Command<OrderSubmitRefused>(OnSubmitRefused);
        Command<OrderLookup>(lookup => OnOrderNews(lookup.ClientOrderId, lookup.Order));
        Command<OrderCancelRequested>(_ => { }); // the outcome arrives as OrderChanged
        Command<OrderCancelRefused>(OnCancelRefused);
        Command<OpenOrdersCanceled>(_ => CancelAllAnswered(null));
        Command<CancelAllOpenOrdersFailed>(failed => CancelAllAnswered(failed.Reason));
        Command<RetryRiskAction>(OnRetry);

        // Subscribed at once: news that arrives while recovering waits in the stash.
        Context.System.EventStream.Subscribe(Self, typeof(LedgerChanged));
        Context.System.EventStream.Subscribe(Self, typeof(OrderChanged));
    }

    public override string PersistenceId => PersistenceIdPrefix + _accountId;

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props CreateProps(string accountId, RiskSettings settings, IActorRef orderManager, IMarketCalendar calendar, IActorRef? ledger = null, PreTradeChecks? checks = null) =>
        Props.Create(() => new RiskActor(accountId, settings, orderManager, calendar, ledger, checks));

    private static DateTimeOffset Now => Context.System.Scheduler.Now;

    private void OnRecovered()
    {
        if (_status.State != TradingState.Active)
        {
            Log.Warning("Risk of account {Account} starts {State}", _accountId, _status.Describe());
            SendPermission();
        }
        AskTodaysOrders();
        _ledgerActor?.Tell(GetLedger.Instance, Self);
        foreach (var pending in _pending.Values.ToList()) Start(pending);
    }

    protected override void PostStop()
    {
        Context.System.EventStream.Unsubscribe(Self);
        base.PostStop();
    }

    private void HandleCheck(CheckOrders check)
    {
        ArgumentNullException.ThrowIfNull(check.Intents);
        if (WaitsForTodaysOrders()) return;
        var trades = Trades;
        PreTradeResult result;
        if (_ledger is null)
        {
            result = new PreTradeResult([], [.. check.Intents.Select(i => new RefusedOrder(i, [OrderValues.Problem(i) ?? NoLedger(i)]))]);
        }
        else
        {
            var assets = (check.Assets ?? []).GroupBy(a => a.Symbol).ToDictionary(g => g.Key, g => g.Last());
            var context = new RiskContext(_ledger, assets, _ledger.Kind, _calendar.IsOpen(Now), trades.Count, _status, check.BuyingPower, trades.Ids);
            result = _checks.Evaluate(check.Intents, context);
        }
        var counted = result.Approved.Select(i => i.ClientOrderId).Where(id => !trades.Ids.Contains(id)).Distinct(StringComparer.Ordinal).ToArray();
        foreach (var id in counted) trades.Add(id);
        Sender.Tell(new RiskChecked(result.Approved, result.Refused), Self);
        if (counted.Length > 0) Publish(new RiskOrdersApproved(counted, Now));
        if (result.Refused.Count == 0) return;
        foreach (var refused in result.Refused) Log.Warning("Risk refused an order of account {Account}: {Reasons}", _accountId, refused.ToString());
        Publish(new RiskOrdersRefused(result.Refused, Now));
    }

    private PreTradeRefusal NoLedger(OrderIntent intent) => new("ledger", intent.ClientOrderId, intent.Symbol, null, null,
        $"{RiskText.Order(intent)} cannot be checked: the risk manager of account {_accountId} has no ledger view yet.",
        "Wait until the ledger has recovered and published LedgerChanged, then check the orders again.");

    private void OnLedger(LedgerView view)
    {
        if (!string.Equals(view.AccountId, _accountId, StringComparison.Ordinal)) return;
        _ledger = view;
        if (view.Unmarked.Count > 0)
        {
            // Unmarked positions are valued at cost (after a ledger restart, until the next quotes): such a NAV could read
            // as a drawdown that never happened, or raise the peak above the truth, so it is not measured.
            var unmarked = string.Join(", ", view.Unmarked.Order());
            if (unmarked != _unmarkedLogged)
                Log.Warning("Risk of account {Account} does not measure losses while {Symbols} have no mark (NAV at cost {Nav})", _accountId, unmarked, RiskText.Money(view.NetAssetValue));
            _unmarkedLogged = unmarked;
            return;
        }
        _unmarkedLogged = null;
        var nav = view.NetAssetValue;
        if (_peakNav is null || nav > _peakNav) _peakNav = nav;
        if (_dayOpenNav is not null && (_dayHighNav is null || nav > _dayHighNav)) _dayHighNav = nav;
        if (HighsToJournal())
            Persist(new RiskNavHighsRaised(_peakNav.Value, _dayHighNav, Now), Apply);

        var assessment = _monitor.Assess(new NavReading(nav, _peakNav.Value, _dayOpenNav, _dayHighNav), _tripped);
        if (assessment.Action is { } action) TakeAction(action, assessment, view);
    }

    private bool HighsToJournal() =>
        _peakNav is { } peak && RaisedEnough(peak, _journaledPeak)
        || _dayHighNav is { } high && RaisedEnough(high, _journaledDayHigh);

    // Strictly above the journaled value: at or below zero, value × (1 + step) is not above it, and every change would be journaled.
    private static bool RaisedEnough(decimal high, decimal? journaled) =>
        journaled is not { } last || high > last && high >= last * (1m + HighJournalStep);

    private void TakeAction(RiskAction action, RiskAssessment assessment, LedgerView view)
    {
        var number = _actionCount + 1;
        var reason = assessment.Reason;
        // Halted means no orders at all: the breakers are recorded as tripped, the operator decides what happens next.
        var executed = _status.State != TradingState.Halted;
        var plan = RiskActionPlanner.Plan(action, number, view, _settings, reason);
        if (plan.EscalatesTo is { } target && target > _status.State)
        {
            Persist(new RiskTradingStateChanged(_status.State, target, reason, "risk", Now), changed =>
            {
                Apply(changed);
                Publish(changed);
                Log.Warning("Risk of account {Account} is now {State}", _accountId, _status.Describe());
                SendPermission();
            });
        }
        var taken = new RiskActionTaken(
            number, action, reason, [.. assessment.NewlyTripped.Select(t => t.Breaker.Name)], executed,
            executed && plan.CancelOpenOrders, executed ? [.. plan.Orders.Select(RiskActionOrder.From)] : [], plan.Skipped, Now);
        Persist(taken, journaled =>
        {
            Apply(journaled);
            Publish(journaled);
            Log.Warning("Risk action {Number} of account {Account}: {Action} ({Orders} orders{Cancel}) because {Reason}",
                journaled.Number, _accountId, RiskNames.Of(journaled.Action), journaled.Orders.Count, journaled.CancelOpenOrders ? ", open orders cancelled" : "", journaled.Reason);
            foreach (var skipped in journaled.Skipped) Log.Warning("Risk action {Number} of account {Account} skipped {Position}", journaled.Number, _accountId, skipped);
            if (_pending.TryGetValue(journaled.Number, out var pending))
            {
                Start(pending);
                CompleteIfCarriedOut(pending);
            }
        });
    }

    private void HandleResume(ResumeTrading resume)
    {
        var replyTo = Sender;
        if (string.IsNullOrWhiteSpace(resume.Operator) || string.IsNullOrWhiteSpace(resume.Reason))
        {
            replyTo.Tell(new RiskCommandResult(false, "Refused: a resume must name the operator and the reason (both are journaled).", View()), Self);
            return;
        }
        if (_status.State == TradingState.Active)
        {
            replyTo.Tell(new RiskCommandResult(true, "Trading is ACTIVE; nothing to resume.", View()), Self);
            return;
        }
        var previous = _status.Describe();
        Persist(new RiskTradingStateChanged(_status.State, TradingState.Active, $"resumed by {resume.Operator}: {resume.Reason}", resume.Operator, Now), changed =>
        {
            Apply(changed);
            Publish(changed);
            Log.Warning("Risk of account {Account} resumed by {Operator} (was {Previous})", _accountId, resume.Operator, previous);
            SendPermission();
            replyTo.Tell(new RiskCommandResult(true, $"Resumed; was {previous}.", View()), Self);
        });
    }

    private void HandleStartOfDay(StartOfDay start)
    {
        var replyTo = Sender;
        if (_day == start.Date)
        {
            replyTo.Tell(new RiskCommandResult(true, $"Day {start.Date:yyyy-MM-dd} already started.", View()), Self);
            return;
        }
        if (_day is { } current && start.Date < current)
        {
            replyTo.Tell(new RiskCommandResult(false, $"Refused: day {start.Date:yyyy-MM-dd} is before the current day {current:yyyy-MM-dd}.", View()), Self);
            return;
        }
        if (start.OpenNav <= 0m)
        {
            replyTo.Tell(new RiskCommandResult(false, $"Refused: the opening NAV of {start.Date:yyyy-MM-dd} is {RiskText.Money(start.OpenNav)}; losses cannot be measured from it. Fix: send the ledger's NAV at the open.", View()), Self);
            return;
        }
        var peak = Math.Max(_peakNav ?? start.OpenNav, start.OpenNav);
        var rearmed = _monitor.Rearmed(_tripped, new NavReading(start.OpenNav, peak, null, null));
        Persist(new RiskDayStarted(start.Date, start.OpenNav, rearmed, Now), started =>
        {
            Apply(started);
            Publish(started);
        });
        var resume = _settings.NewDayResume switch
        {
            NewDayResume.All => _status.State != TradingState.Active,
            NewDayResume.Reducing => _status.State == TradingState.Reducing,
            _ => false,
        };
        if (resume)
        {
            Persist(new RiskTradingStateChanged(_status.State, TradingState.Active, $"new day {start.Date:yyyy-MM-dd} (actortrader.risk.new-day-resume)", "new-day", Now), changed =>
            {
                Apply(changed);
                Publish(changed);
                SendPermission();
            });
        }
        Defer(start, _ => replyTo.Tell(new RiskCommandResult(true, $"Day {start.Date:yyyy-MM-dd} started with NAV {RiskText.Money(start.OpenNav)}.", View()), Self));
    }

    private void SendPermission()
    {
        var why = $"risk: {_status.Describe()}";
        var permission = _status.State switch
        {
            TradingState.Active => new TradingPermission(true, false, why),
            TradingState.Reducing => new TradingPermission(true, true, why),
            _ => new TradingPermission(false, false, why),
        };
        _orderManager.Tell(permission, Self);
    }

    private void Publish(object @event) => Context.System.EventStream.Publish(new RiskEventOccurred(_accountId, @event));

    private void Apply(RiskTradingStateChanged changed)
    {
        _status = new TradingStatus(changed.To, changed.Reason, changed.At, changed.ChangedBy);
        // What an unfinished action was for no longer holds: the new state decides what happens next.
        foreach (var pending in _pending.Values.ToList()) Abandon(pending, $"trading is now {RiskText.State(changed.To)}");
    }

    private void Apply(RiskDayStarted started)
    {
        _day = started.Date;
        _dayStartedAt = started.At;
        _dayOpenNav = started.OpenNav;
        _dayHighNav = started.OpenNav;
        _journaledDayHigh = started.OpenNav;
        if (_peakNav is null || started.OpenNav > _peakNav) _peakNav = started.OpenNav;
        if (_journaledPeak is null || started.OpenNav > _journaledPeak) _journaledPeak = started.OpenNav;
        _tripped.ExceptWith(started.Rearmed);
    }

    private void Apply(RiskNavHighsRaised raised)
    {
        if (_peakNav is null || raised.PeakNav > _peakNav) _peakNav = raised.PeakNav;
        _journaledPeak = raised.PeakNav;
        if (raised.DayHighNav is not { } high) return;
        if (_dayHighNav is null || high > _dayHighNav) _dayHighNav = high;
        _journaledDayHigh = high;
    }

    private RiskStateView View()
    {
        var trades = Trades;
        var reading = _ledger is not null && _peakNav is { } peak ? new NavReading(_ledger.NetAssetValue, peak, _dayOpenNav, _dayHighNav) : null;
        return new RiskStateView(
            _accountId, _status, _ledger?.NetAssetValue, _peakNav, _day, _dayOpenNav, _dayHighNav,
            reading?.Drawdown, reading?.DailyLoss, reading?.IntradayDrawdown,
            trades.Count, [.. _tripped.Order(StringComparer.Ordinal)], _actionCount, _pending.Count, _settings, trades.Day?.Date);
    }

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        // The actor stops after this; its supervisor restarts it from the journal, which holds the truth.
        Log.Error(cause, "Risk of account {Account} could not journal {Event}; it stops and restarts from the journal", _accountId, @event.GetType().Name);
    }

    protected override void OnRecoveryFailure(Exception reason, object? @event)
    {
        Log.Error(reason, "Risk of account {Account} could not be recovered from the journal; it stops (fail-closed) and the order manager keeps its last permission", _accountId);
    }
}
