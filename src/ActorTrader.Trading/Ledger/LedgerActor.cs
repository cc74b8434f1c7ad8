using System.Globalization;
using ActorTrader.Trading.Host;
using ActorTrader.Actors;
using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;
using ActorTrader.Persistence;
using ActorTrader.Persistence.Snapshots;

namespace ActorTrader.Trading.Ledger;

/// <summary>
/// <c>account-&lt;id&gt;/ledger</c>: cash, positions and P&amp;L of one broker account, event-sourced under
/// <c>ledger-&lt;accountId&gt;</c>. Accounting is the domain <see cref="Domain.Accounting.Ledger"/> (average cost, flips,
/// fees, cash vs margin); this actor journals what happened to it. A fill is acknowledged only once its event is durable
/// and is booked once per execution id, also across restarts and snapshots. A broker's fill is a fact: one the account's
/// rules forbid is booked all the same and alerted (<see cref="LedgerRuleViolationAlert"/>); only a malformed one is
/// refused. Marks are volatile (not journaled).
/// Fail-closed: a journal or snapshot that cannot be recovered stops the actor (with a <see cref="PersistenceAlert"/>);
/// it never starts as an empty ledger.
/// </summary>
public sealed class LedgerActor : ReceivePersistentActor
{
    /// <summary>What every ledger's persistence id starts with; the account id follows.</summary>
    public const string PersistenceIdPrefix = "ledger-";

    private readonly string _accountId;
    private readonly LedgerSettings _settings;
    private readonly Dictionary<Symbol, decimal> _marks = [];
    private readonly Dictionary<Symbol, DateTimeOffset> _markTimes = [];
    private LedgerState _state = new();
    private int _eventsSinceSnapshot;
    private long _newestSnapshotSequenceNr;

    public LedgerActor(string accountId, LedgerSettings settings)
    {
        _accountId = ValidAccountId(accountId);
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));

        Recover<SnapshotOffer>(RecoverSnapshot);
        Recover<LedgerOpened>(Recovered);
        Recover<LedgerFillBooked>(Recovered);
        Recover<PortfolioDailyRecorded>(Recovered);
        Recover<PositionAdopted>(Recovered);
        Recover<CashAdopted>(Recovered);
        Recover<AccountKindAdopted>(Recovered);
        Recover<RecoveryCompleted>(_ => OnRecovered());

        Command<BookFill>(HandleBookFill);
        Command<MarkPrices>(HandleMarks);
        Command<GetLedger>(_ => Sender.Tell(View(), Self));
        Command<TakeDailySnapshot>(HandleDailySnapshot);
        Command<GetPortfolioDaily>(_ => Sender.Tell(new PortfolioDailyHistory([.. _state.Daily.Select(ToRow)]), Self));
        Command<ReconcilePositions>(HandleReconcile);
        Command<SaveSnapshotSuccess>(OnSnapshotSaved);
        Command<SaveSnapshotFailure>(failure => Log.Warning(
            "Snapshot of ledger {AccountId} at sequence nr {SequenceNr} failed ({Reason}); the journal is still complete, recovery just replays more events",
            _accountId, failure.Metadata.SequenceNr, failure.Cause.Message));
        Command<DeleteSnapshotsSuccess>(_ => { }); // the older snapshots are gone; nothing else to do
        Command<DeleteSnapshotsFailure>(failure => Log.Warning(
            "Old snapshots of ledger {AccountId} could not be deleted ({Reason}); they only take space", _accountId, failure.Cause.Message));
    }

    public override string PersistenceId => PersistenceIdOf(_accountId);

    /// <summary>The persistence id of <paramref name="accountId"/>'s ledger.</summary>
    public static string PersistenceIdOf(string accountId) => PersistenceIdPrefix + ValidAccountId(accountId);

    /// <summary>The ledger of <paramref name="accountId"/>; register its events first with <see cref="LedgerEvents.Register"/>.</summary>
    public static Props CreateProps(string accountId, LedgerSettings settings)
    {
        ValidAccountId(accountId);
        ArgumentNullException.ThrowIfNull(settings);
        return Props.Create(() => new LedgerActor(accountId, settings));
    }

    private static DateTimeOffset Now => Context.System.Scheduler.Now;

    private void RecoverSnapshot(SnapshotOffer offer)
    {
        if (offer.Snapshot is not LedgerActorSnapshot snapshot)
            throw new InvalidOperationException($"The snapshot of {PersistenceId} at sequence nr {offer.Metadata.SequenceNr} is a {offer.Snapshot.GetType().Name}, not a ledger snapshot. Fix: delete that snapshot so the ledger recovers from its events.");
        if (snapshot.AccountId != _accountId)
            throw new InvalidOperationException($"The snapshot of {PersistenceId} belongs to account {snapshot.AccountId}. Fix: delete that snapshot so the ledger recovers from its events.");
        _state = LedgerState.FromSnapshot(snapshot);
        _eventsSinceSnapshot = 0;
        _newestSnapshotSequenceNr = offer.Metadata.SequenceNr;
    }

    private void Recovered(object @event)
    {
        _state.Apply(@event);
        _eventsSinceSnapshot++;
    }

    private void OnRecovered()
    {
        if (!_state.IsOpen)
        {
            if (LastSequenceNr != 0)
                throw new InvalidOperationException($"The journal of {PersistenceId} has {LastSequenceNr} events but no LedgerOpened. Fix: restore the journal from a backup.");
            Persist(new LedgerOpened(_accountId, _settings.Kind, _settings.InitialCash, Now), opened =>
            {
                _state.Apply(opened);
                Log.Info("Ledger {AccountId} opened: {Kind} account with {InitialCash} cash", _accountId, opened.Kind, LedgerState.Text(opened.InitialCash));
                AfterEvent();
                PublishChanged();
            });
            return;
        }
        if (_state.AccountId != _accountId)
            throw new InvalidOperationException($"The journal of {PersistenceId} was opened for account {_state.AccountId}. Fix: check the account id the ledger is started with.");
        if (_state.InitialCash != _settings.InitialCash || _state.Kind != _settings.Kind)
        {
            Log.Info("Ledger {AccountId} keeps its journaled opening ({Kind}, {InitialCash} cash); {Section}.initial-cash and account-kind apply to new ledgers only",
                _accountId, _state.Kind, LedgerState.Text(_state.InitialCash), LedgerSettings.Section);
        }
        var ledger = _state.Ledger;
        Log.Info("Ledger {AccountId} recovered at sequence nr {SequenceNr}: cash {Cash}, {Positions} positions, {Fills} fills",
            _accountId, LastSequenceNr, LedgerState.Text(ledger.Cash), ledger.Positions.Count, ledger.FillCount);
        if (_eventsSinceSnapshot >= _settings.SnapshotEvery)
        {
            // A long replay (no snapshot yet, or snapshot-every lowered): snapshot now so the next start is fast.
            _eventsSinceSnapshot = 0;
            SaveSnapshot(_state.ToSnapshot());
        }
        PublishChanged();
    }

    private void HandleBookFill(BookFill command)
    {
        if (command.Fill is null)
        {
            Refuse(new ArgumentException($"BookFill of execution {command.ExecutionId} carries no fill. Fix: pass the broker's fill."));
            return;
        }
        if (string.IsNullOrWhiteSpace(command.ExecutionId))
        {
            Refuse(new ArgumentException($"Fill of order {command.Fill.ClientOrderId} has no execution id, so it cannot be booked exactly once. Fix: pass the broker's execution id."));
            return;
        }
        if (_state.IsBooked(command.ExecutionId))
        {
            Sender.Tell(new FillBooked(command.ExecutionId, command.DeliveryId, AlreadyBooked: true), Self);
            return;
        }
        var fill = command.Fill;
        if (!command.CommissionReported && fill.Commission == 0m && _settings.Commission.Estimate(fill.Quantity, fill.Price) is var estimate && estimate > 0m)
        {
            // Booked free, the fee would be missing from fees and P&L and cash would drift from the broker's.
            Log.Info("Ledger {AccountId}: execution {ExecutionId} of order {ClientOrderId} came without a commission; booked with the account's schedule ({Model}): {Commission}",
                _accountId, command.ExecutionId, fill.ClientOrderId, _settings.Commission.ToString(), LedgerState.Text(estimate));
            fill = new Fill(fill.ClientOrderId, fill.Symbol, fill.Side, fill.Quantity, fill.Price, estimate, fill.Time);
        }
        // The broker executed it, so it is booked even when the account's rules forbid it (refusing would leave the
        // ledger apart from the broker and the fill redelivered forever); the broken rule is alerted instead.
        var rule = _state.Ledger.RuleBrokenBy(fill);
        var replyTo = Sender;
        var booked = new LedgerFillBooked(command.ExecutionId, fill.ClientOrderId, fill.Symbol.ToString(), fill.Side, fill.Quantity, fill.Price, fill.Commission, fill.Time, Now);
        Persist(booked, e =>
        {
            _state.Apply(e);
            if (rule is not null) AlertRuleBroken(e.ExecutionId, fill, rule);
            AfterEvent();
            PublishChanged();
            CrashPoints.Get(Context.System).Reached(CrashPoints.LedgerBooked);
            replyTo.Tell(new FillBooked(e.ExecutionId, command.DeliveryId, AlreadyBooked: false), Self);
        });
    }

    private void AlertRuleBroken(string executionId, Fill fill, string rule)
    {
        var message = $"Ledger {_accountId} booked execution {executionId} of order {fill.ClientOrderId} ({fill.Side.ToWire()} {LedgerState.Text(fill.Quantity)} {fill.Symbol} at {LedgerState.Text(fill.Price)}) " +
                      $"although the {(_state.Kind == AccountKind.Cash ? "cash" : "margin")} account's rules forbid it, because the broker executed it: {rule} " +
                      "Check why the broker took the order (account type at the broker, risk checks) and the position now held.";
        Log.Error("{Message}", message);
        Context.System.EventStream.Publish(new LedgerRuleViolationAlert(_accountId, executionId, fill, rule, message, Now));
    }

    private void HandleMarks(MarkPrices command)
    {
        var changed = false;
        foreach (var quote in command.Quotes)
        {
            if (quote.Price <= 0)
            {
                Log.Warning("Ledger {AccountId} ignores the quote of {Symbol} at {Time:l}: price {Price} is not positive", _accountId, quote.Symbol, quote.Time.ToString("o", CultureInfo.InvariantCulture), LedgerState.Text(quote.Price));
                continue;
            }
            if (_markTimes.TryGetValue(quote.Symbol, out var time) && quote.Time < time) continue; // an older quote arriving late
            _markTimes[quote.Symbol] = quote.Time;
            changed |= !_marks.TryGetValue(quote.Symbol, out var previous) || previous != quote.Price;
            _marks[quote.Symbol] = quote.Price;
        }
        if (changed) PublishChanged();
    }

    private void HandleDailySnapshot(TakeDailySnapshot command)
    {
        if (_state.DailyOf(command.Date) is { } taken)
        {
            Sender.Tell(new DailySnapshotTaken(taken.Date, taken.NetAssetValue, taken.DayPnl, AlreadyTaken: true), Self);
            return;
        }
        var previous = _state.LastDaily;
        if (previous is not null && previous.Date > command.Date)
        {
            Refuse(new LedgerException(string.Create(CultureInfo.InvariantCulture, $"Ledger {_accountId} cannot record the daily row of {command.Date:yyyy-MM-dd}: the row of {previous.Date:yyyy-MM-dd} is already journaled and today's NAV would be booked on an earlier day. Fix: take daily snapshots in date order, on the day they describe.")));
            return;
        }
        var view = View();
        var dayPnl = view.NetAssetValue - (previous?.NetAssetValue ?? _state.InitialCash);
        var replyTo = Sender;
        var row = new PortfolioDailyRecorded(command.Date, view.NetAssetValue, view.Cash, dayPnl, view.RealisedPnl, view.UnrealisedPnl, view.Fees,
            view.GrossExposure, view.NetExposure, view.Positions.Count, view.Unmarked.Count, Now);
        Persist(row, e =>
        {
            _state.Apply(e);
            if (e.Unmarked > 0)
                Log.Warning("Daily row {Date:l} of ledger {AccountId} values {Unmarked} positions at average cost (no mark)", e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), _accountId, e.Unmarked);
            replyTo.Tell(new DailySnapshotTaken(e.Date, e.NetAssetValue, e.DayPnl, AlreadyTaken: false), Self);
            AfterEvent();
        });
    }

    private void HandleReconcile(ReconcilePositions command)
    {
        var broker = new Dictionary<Symbol, BrokerPosition>();
        foreach (var position in command.BrokerPositions)
        {
            if (position.Quantity == 0) continue;
            if (!broker.TryAdd(position.Symbol, position))
            {
                Refuse(new LedgerException($"Reconciliation {command.ReconciliationId} of ledger {_accountId} lists {position.Symbol} twice among the broker's positions; nothing was adopted. Fix: pass one position per symbol."));
                return;
            }
        }
        var ledger = _state.Ledger;
        var now = Now;
        var events = new List<object>();
        // The kind first: it decides which rules the adopted positions are held under.
        if (command.BrokerKind is { } brokerKind && brokerKind != _state.Kind)
            events.Add(new AccountKindAdopted(command.ReconciliationId, _state.Kind, brokerKind, now));
        var symbols = ledger.Positions.Select(p => p.Symbol).Union(broker.Keys).Order();
        foreach (var symbol in symbols)
        {
            var held = ledger.PositionOf(symbol);
            var reported = broker.GetValueOrDefault(symbol);
            var brokerQuantity = reported?.Quantity ?? 0m;
            if (held.Quantity == brokerQuantity) continue;
            var brokerCost = 0m;
            if (reported is not null)
            {
                brokerCost = reported.AverageEntryPrice > 0 ? reported.AverageEntryPrice : reported.CurrentPrice;
                if (brokerCost <= 0)
                {
                    Refuse(new LedgerException($"Reconciliation {command.ReconciliationId} of ledger {_accountId}: the broker reports {LedgerState.Text(brokerQuantity)} {symbol} without a positive average entry price or current price, so the position cannot be adopted; nothing was adopted. Fix: check the broker's position of {symbol}, then reconcile again."));
                    return;
                }
            }
            events.Add(new PositionAdopted(command.ReconciliationId, symbol.ToString(), held.Quantity, held.AverageCost, brokerQuantity, brokerCost, now));
        }
        if (Math.Abs(ledger.Cash - command.BrokerCash) > _settings.CashTolerance)
            events.Add(new CashAdopted(command.ReconciliationId, ledger.Cash, command.BrokerCash, now));

        if (events.Count == 0)
        {
            Log.Info("Reconciliation {ReconciliationId}: ledger {AccountId} matches the broker", command.ReconciliationId, _accountId);
            Sender.Tell(new PositionsReconciled(command.ReconciliationId, []), Self);
            return;
        }
        var replyTo = Sender;
        var found = new List<LedgerDiscrepancy>();
        AccountKind? adoptedKind = null;
        PersistAll(events, e =>
        {
            _state.Apply(e);
            if (e is AccountKindAdopted kind)
            {
                adoptedKind = kind.BrokerKind;
                Log.Warning("Reconciliation {ReconciliationId}: ledger {AccountId} was a {LedgerKind} account, the broker's is a {BrokerKind} account; the broker's kind was adopted",
                    command.ReconciliationId, _accountId, Kind(kind.LedgerKind), Kind(kind.BrokerKind));
            }
            else
            {
                var discrepancy = Describe(e);
                found.Add(discrepancy);
                Alert(command.ReconciliationId, discrepancy);
            }
            AfterEvent();
        });
        Defer(found, discrepancies =>
        {
            PublishChanged();
            replyTo.Tell(new PositionsReconciled(command.ReconciliationId, [.. discrepancies]) { AdoptedKind = adoptedKind }, Self);
        });
    }

    private static string Kind(AccountKind kind) => kind == AccountKind.Cash ? "cash" : "margin";

    private static LedgerDiscrepancy Describe(object adopted) => adopted switch
    {
        PositionAdopted p => new LedgerDiscrepancy(p.Symbol, p.LedgerQuantity, p.BrokerQuantity),
        CashAdopted c => new LedgerDiscrepancy("cash", c.LedgerCash, c.BrokerCash),
        _ => throw new InvalidOperationException($"{adopted.GetType().Name} is not a reconciliation event."),
    };

    private void Alert(string reconciliationId, LedgerDiscrepancy discrepancy)
    {
        var what = discrepancy.Item == "cash" ? "cash" : $"the quantity of {discrepancy.Item}";
        var message = $"Reconciliation {reconciliationId}: ledger {_accountId} had {what} = {LedgerState.Text(discrepancy.LedgerValue)}, the broker reports " +
                      $"{LedgerState.Text(discrepancy.BrokerValue)}; the broker's value was adopted. Check for fills the ledger missed (order manager journal) or activity outside ActorTrader.";
        Log.Warning("{Message}", message);
        Context.System.EventStream.Publish(new LedgerDiscrepancyAlert(_accountId, reconciliationId, discrepancy, message, Now));
    }

    /// <summary>After each journaled event: a snapshot every <see cref="LedgerSettings.SnapshotEvery"/> events bounds the replay.</summary>
    private void AfterEvent()
    {
        if (++_eventsSinceSnapshot < _settings.SnapshotEvery) return;
        _eventsSinceSnapshot = 0;
        SaveSnapshot(_state.ToSnapshot());
    }

    private void OnSnapshotSaved(SaveSnapshotSuccess saved)
    {
        // Snapshots are SnapshotEvery events apart: keeping those of the last two intervals keeps the newest two, so
        // should the newest not load, deleting it falls back to the one before instead of a full replay. Saves finish
        // in any order, so the cut follows the newest snapshot saved so far.
        _newestSnapshotSequenceNr = Math.Max(_newestSnapshotSequenceNr, saved.Metadata.SequenceNr);
        var keepFrom = _newestSnapshotSequenceNr - _settings.SnapshotEvery;
        if (keepFrom > 1) DeleteSnapshots(new SnapshotSelectionCriteria(keepFrom - 1, DateTimeOffset.MaxValue));
    }

    private LedgerView View() => _state.View(_marks, Now);

    private void PublishChanged() => Context.System.EventStream.Publish(new LedgerChanged(View()));

    private void Refuse(Exception reason) => Sender.Tell(new Status.Failure(reason), Self);

    private static PortfolioDailyRow ToRow(PortfolioDailyRecorded r) => new(r.Date, r.NetAssetValue, r.Cash, r.DayPnl, r.RealisedPnl, r.Fees, r.Positions);

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        // The actor stops after this: what the journal holds is unknown, so only a new start (from the journal) may go on.
        Log.Error(cause, "Ledger {AccountId} could not journal {Event} (sequence nr {SequenceNr}); the ledger stops and the change was not acknowledged",
            _accountId, @event.GetType().Name, sequenceNr);
    }

    protected override void OnRecoveryFailure(Exception reason, object? @event)
    {
        Log.Error(reason, "Ledger {AccountId} could not be recovered from its journal ({Event}); it stops (fail-closed) rather than start from an empty ledger",
            _accountId, @event?.GetType().Name ?? "no event");
    }

    private static string ValidAccountId(string accountId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        if (accountId.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            throw new ArgumentException($"Account id \"{accountId}\" contains whitespace. Fix: use an id such as \"paper\" or \"alpaca-live\".", nameof(accountId));
        return accountId;
    }
}
