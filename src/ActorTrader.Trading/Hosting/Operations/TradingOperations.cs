using System.Globalization;
using ActorTrader.Actors;
using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;
using ActorTrader.Trading.Accounts;
using ActorTrader.Trading.Broker;
using ActorTrader.Trading.Day;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Rebalancing;
using ActorTrader.Trading.Reconciliation;
using ActorTrader.Trading.Risk;

namespace ActorTrader.Trading.Host.Operations;

/// <summary>
/// The node's <see cref="ITradingDayOperations"/>: pre-market reconciliation through the account actor; at the open and
/// the close the session's quotes go to the paper broker (so orders fill at the next quote) and to the ledger as marks,
/// and the ledger is awaited until it holds every fill the broker made; the rebalance takes its targets from the
/// <see cref="Targets.ITargetSource"/>, its prices from the latest quotes (never later than the clock) and the open orders
/// from the order manager, cancels through the trading gate the open orders the plan found no longer fit, checks the
/// intents with the risk manager and submits the approved ones, in order, through the gate once it has heard every input
/// (the operator's halt, reconciliation, risk); post-market takes the ledger's daily snapshot and tells the listener. The
/// same code serves a replay (virtual clock, paper broker fed from the bundled data) and a live day (wall clock).
/// </summary>
public sealed class TradingOperations : ITradingDayOperations
{
    private readonly TradingOperationsSetup _setup;
    private readonly AccountRefs _account;
    private readonly ILoggingAdapter _log;
    private readonly Dictionary<DateOnly, DailySnapshotTaken> _snapshots = [];

    public TradingOperations(TradingOperationsSetup setup)
    {
        _setup = setup ?? throw new ArgumentNullException(nameof(setup));
        _account = setup.Account;
        _log = setup.System.GetLogger(typeof(TradingOperations).FullName!);
    }

    private IMarketCalendar Calendar => _setup.Clock.Calendar;

    public async Task ReconcileAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var outcome = await _account.Account.Ask<object>(StartReconciliation.Instance, _setup.ReconcileTimeout, cancellationToken).ConfigureAwait(false);
        switch (outcome)
        {
            case StartupReconciliationSucceeded:
                return;
            case StartupReconciliationFailed failed:
                throw new InvalidOperationException($"Reconciliation {failed.ReconciliationId} of account {_account.AccountId} failed at the {failed.Step} step: {failed.Reason}");
            default:
                throw new InvalidOperationException($"The account {_account.AccountId} answered the reconciliation with {outcome.GetType().Name}.");
        }
    }

    /// <summary>Market data is refreshed by the ingest job (<c>actortrader ingest</c>), not by the trading day; a replay's data is fixed.</summary>
    public Task RefreshDataAsync(DateOnly date, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task MarketOpenAsync(MarketSession session, CancellationToken cancellationToken)
    {
        var quotes = _setup.Quotes.OpenQuotes(session.Date);
        await QuoteAsync(quotes, endOfSession: false, cancellationToken).ConfigureAwait(false);
        var view = await GetLedgerAsync(cancellationToken).ConfigureAwait(false);
        if (_account.Risk is { } risk)
        {
            var started = await risk.Ask<RiskCommandResult>(new StartOfDay(session.Date, view.NetAssetValue), _setup.AskTimeout, cancellationToken).ConfigureAwait(false);
            if (!started.Accepted) _log.Warning("Risk did not start day {Date:l}: {Message}", IsoDate.Text(session.Date), started.Message);
        }
    }

    /// <summary>Strategies run inside the sleeves, whose targets the rebalance uses; a scheduled run has nothing more to do here.</summary>
    public Task RunStrategiesAsync(DateOnly date, DateTimeOffset at, IReadOnlyList<string> strategies, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<RebalanceTargets> ComputeTargetsAsync(DateOnly date, string? sleeve, CancellationToken cancellationToken)
    {
        var targets = await _setup.Targets.TargetsForAsync(date, sleeve, cancellationToken).ConfigureAwait(false);
        var priced = _setup.Quotes.QuotesAt(_setup.Clock.UtcNow).Select(q => q.Symbol).ToHashSet();
        var sets = new List<TargetWeightSet>();
        foreach (var set in targets.Sets)
        {
            var missing = set.Weights.Where(kv => kv.Value != 0 && !priced.Contains(kv.Key)).Select(kv => kv.Key).Order().ToList();
            if (missing.Count == 0)
            {
                sets.Add(set);
                continue;
            }
            // A weight the market cannot price today is held as cash rather than failing the whole rebalance.
            _log.Warning("Rebalance of {Date:l}: no price for {Symbols} of {Set}; their weight stays in cash", IsoDate.Text(date), string.Join(", ", missing), set.Name);
            var kept = set.Weights.Where(kv => !missing.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
            sets.Add(set with { Weights = new SortedDictionary<Symbol, double>(kept), Cash = set.Cash + missing.Sum(s => set.Weights[s]) });
        }
        return targets.IsMeta ? RebalanceTargets.Meta(sets[0]) : RebalanceTargets.Sleeves(sets);
    }

    public Task<LedgerView> GetLedgerAsync(CancellationToken cancellationToken) =>
        _account.Ledger.Ask<LedgerView>(GetLedger.Instance, _setup.AskTimeout, cancellationToken);

    public async Task<IReadOnlyList<OrderView>> GetOpenOrdersAsync(CancellationToken cancellationToken)
    {
        var view = await _account.Orders.Ask<OrdersView>(new GetOrders(OpenOnly: true), _setup.AskTimeout, cancellationToken).ConfigureAwait(false);
        return view.Orders;
    }

    public async Task<IReadOnlyList<CancelSubmission>> CancelAsync(IReadOnlyList<PlannedCancel> cancels, CancellationToken cancellationToken)
    {
        var answers = new List<CancelSubmission>(cancels.Count);
        foreach (var cancel in cancels)
        {
            var reply = await _setup.Gate.Ask<object>(new CancelOrder(cancel.ClientOrderId, cancel.Reason), _setup.AskTimeout, cancellationToken).ConfigureAwait(false);
            var answer = reply switch
            {
                OrderCancelRequested => new CancelSubmission(cancel.ClientOrderId, true),
                OrderCancelRefused refused => new CancelSubmission(cancel.ClientOrderId, false, refused.Reason),
                _ => new CancelSubmission(cancel.ClientOrderId, false, $"unexpected answer {reply.GetType().Name} from the order manager"),
            };
            if (!answer.Requested) _log.Warning("Cancel of order {ClientOrderId} ({Symbol}) was refused: {Reason}", cancel.ClientOrderId, cancel.Symbol, answer.Reason);
            answers.Add(answer);
        }
        return answers;
    }

    public Task<IReadOnlyDictionary<Symbol, decimal>> GetPricesAsync(IReadOnlyCollection<Symbol> symbols, CancellationToken cancellationToken)
    {
        var wanted = symbols.ToHashSet();
        IReadOnlyDictionary<Symbol, decimal> prices = _setup.Quotes.QuotesAt(_setup.Clock.UtcNow)
            .Where(q => wanted.Contains(q.Symbol))
            .ToDictionary(q => q.Symbol, q => q.Price);
        return Task.FromResult(prices);
    }

    public async Task<IReadOnlyList<IntentSubmission>> SubmitAsync(IReadOnlyList<OrderIntent> intents, CancellationToken cancellationToken)
    {
        var answers = new Dictionary<string, IntentSubmission>(StringComparer.Ordinal);
        var candidates = new List<OrderIntent>();
        foreach (var intent in intents)
        {
            if (LiveOrderGuard.Refusal(intent, _setup.BrokerIsLive, _setup.Quotes.Synthetic) is { } refusal)
            {
                _log.Error("{Refusal}", refusal);
                answers[intent.ClientOrderId] = new IntentSubmission(intent.ClientOrderId, false, refusal);
            }
            else
            {
                candidates.Add(intent);
            }
        }
        var approved = candidates;
        if (_account.Risk is { } risk && candidates.Count > 0)
        {
            var assets = _setup.Assets is { } read ? await read(cancellationToken).ConfigureAwait(false) : null;
            var buyingPower = await BuyingPowerAsync(cancellationToken).ConfigureAwait(false);
            var check = await risk.Ask<RiskChecked>(new CheckOrders(candidates, assets, buyingPower), _setup.AskTimeout, cancellationToken).ConfigureAwait(false);
            foreach (var refused in check.Refused)
                answers[refused.Intent.ClientOrderId] = new IntentSubmission(refused.Intent.ClientOrderId, false, "risk: " + refused);
            approved = [.. check.Approved];
        }
        if (approved.Count > 0) await AwaitGateDecidedAsync(cancellationToken).ConfigureAwait(false);
        foreach (var intent in approved)
        {
            var reply = await _setup.Gate.Ask<object>(new SubmitOrder(intent), _setup.AskTimeout, cancellationToken).ConfigureAwait(false);
            answers[intent.ClientOrderId] = reply switch
            {
                OrderSubmitAccepted accepted => new IntentSubmission(accepted.ClientOrderId, true),
                OrderSubmitRefused refused => new IntentSubmission(refused.ClientOrderId, false, refused.Reason),
                _ => new IntentSubmission(intent.ClientOrderId, false, $"unexpected answer {reply.GetType().Name} from the order manager"),
            };
            if (reply is OrderSubmitAccepted { AlreadyKnown: false }) await AwaitBrokerAsync(intent.ClientOrderId, cancellationToken).ConfigureAwait(false);
        }
        return [.. intents.Select(i => answers[i.ClientOrderId])];
    }

    public Task MarketCloseAsync(MarketSession session, CancellationToken cancellationToken) =>
        QuoteAsync(_setup.Quotes.CloseQuotes(session.Date), endOfSession: true, cancellationToken);

    public async Task SnapshotAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var taken = await _account.Ledger.Ask<DailySnapshotTaken>(new TakeDailySnapshot(date), _setup.AskTimeout, cancellationToken).ConfigureAwait(false);
        lock (_snapshots) _snapshots[date] = taken;
    }

    public Task BackupAsync(DateOnly date, CancellationToken cancellationToken) =>
        _setup.Backup is { } backup ? backup(date, cancellationToken) : Task.CompletedTask;

    public async Task WriteReportAsync(TradingDaySummary summary, CancellationToken cancellationToken)
    {
        DailySnapshotTaken? snapshot;
        lock (_snapshots) _snapshots.Remove(summary.Date, out snapshot);
        if (snapshot is null)
            throw new InvalidOperationException($"No daily snapshot of {IsoDate.Text(summary.Date)} was taken (see the snapshot step); the day is not reported as complete.");
        var view = await GetLedgerAsync(cancellationToken).ConfigureAwait(false);
        if (_setup.Listener is { } listener)
            await listener.DayCompletedAsync(new CompletedTradingDay(summary, snapshot, view.FillCount), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The quotes to the paper broker (fills) and the ledger (marks); then wait until the ledger holds the broker's positions.</summary>
    private async Task QuoteAsync(IReadOnlyList<MarketQuote> quotes, bool endOfSession, CancellationToken cancellationToken)
    {
        if (_setup.Publisher is { } publisher)
        {
            // An order still on its way would otherwise miss this quote in one run and not in another.
            await AwaitNoSubmitInFlightAsync(cancellationToken).ConfigureAwait(false);
            await publisher.PublishAsync(quotes, cancellationToken).ConfigureAwait(false);
            if (endOfSession) await publisher.EndOfSessionAsync(cancellationToken).ConfigureAwait(false);
        }
        _setup.System.EventStream.Publish(new MarketQuotesReceived(_account.AccountId, _setup.Quotes.Source, quotes.Count,
            quotes.Count == 0 ? null : quotes.Max(q => q.Time), _setup.Clock.UtcNow, _setup.Quotes.Synthetic));
        if (quotes.Count > 0) _account.Ledger.Tell(new MarkPrices(quotes), ActorRefs.NoSender);
        if (_setup.Publisher is not null) await SyncLedgerAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits until every position of the broker is in the ledger with the same quantity (its fills booked).</summary>
    private async Task SyncLedgerAsync(CancellationToken cancellationToken)
    {
        var result = await _account.Broker.Ask<BrokerPositionsResult>(GetBrokerPositions.Instance, _setup.AskTimeout, cancellationToken).ConfigureAwait(false);
        if (result.Failure is { } failure) throw new InvalidOperationException($"The broker's positions could not be read ({failure.Kind}): {failure.Message}");
        var expected = result.Positions!.Where(p => p.Quantity != 0m).ToDictionary(p => p.Symbol, p => p.Quantity);
        var accountId = _account.AccountId;
        await ConditionWaiter<LedgerView>.WaitAsync(_setup.System, _account.Ledger, GetLedger.Instance, typeof(LedgerChanged),
            view => view.AccountId == accountId && Same(view, expected), view => $"the ledger of account {accountId} did not catch up: {Describe(view, expected)}",
            _setup.SyncTimeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits until the gate has heard every input (the operator's halt, reconciliation, risk): right after a start a replay's
    /// first rebalance can come before the control actor or risk answered the gate, which would refuse the orders as
    /// "waiting". A gate that decided (allowed or not) is not waited for; after the wait the gate decides as it stands.
    /// </summary>
    private async Task AwaitGateDecidedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ConditionWaiter<GateState>.WaitAsync(_setup.System, _setup.Gate, GetGateState.Instance, typeof(TradingPermissionChanged),
                state => !state.Waiting, state => $"the gate of account {_account.AccountId} still waits: {state?.Permission.Reason}",
                _setup.SyncTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            _log.Warning("{Message}; the orders are submitted and the gate refuses them", e.Message);
        }
    }

    private async Task AwaitNoSubmitInFlightAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ConditionWaiter<OrdersView>.WaitAsync(_setup.System, _account.Orders, new GetOrders(OpenOnly: true), typeof(OrderChanged),
                view => view.Orders.All(o => !o.Status.IsAwaitingBroker()),
                view => $"orders {string.Join(", ", view?.Orders.Where(o => o.Status.IsAwaitingBroker()).Select(o => o.ClientOrderId) ?? [])} are still on their way to the broker",
                _setup.SyncTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            _log.Warning("{Message}; the quotes are published anyway and the order manager resolves them by client order id", e.Message);
        }
    }

    /// <summary>
    /// Waits until the broker acknowledged the order (or refused it): submits reach the broker one at a time, in the
    /// plan's order (sells first), and none is still on its way when the next quote is published. An order whose outcome
    /// stays unknown is left to the order manager (it resolves it by client order id) after the wait.
    /// </summary>
    private async Task AwaitBrokerAsync(string clientOrderId, CancellationToken cancellationToken)
    {
        try
        {
            await ConditionWaiter<OrderLookup>.WaitAsync(_setup.System, _account.Orders, new GetOrder(clientOrderId), typeof(OrderChanged),
                lookup => lookup.Order is not { } order || !order.Status.IsAwaitingBroker(),
                lookup => $"order {clientOrderId} is still {lookup?.Order?.Status.ToWire() ?? "unknown"} at the broker", _setup.SyncTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            _log.Warning("{Message}; the order manager resolves it by client order id", e.Message);
        }
    }

    private static bool Same(LedgerView view, Dictionary<Symbol, decimal> expected)
    {
        var held = view.Positions.Where(p => p.Quantity != 0m).ToList();
        return held.Count == expected.Count && held.All(p => expected.TryGetValue(p.Symbol, out var q) && q == p.Quantity);
    }

    private static string Describe(LedgerView? view, Dictionary<Symbol, decimal> expected)
    {
        var held = view?.Positions.Where(p => p.Quantity != 0m).ToDictionary(p => p.Symbol, p => p.Quantity) ?? [];
        var differences = expected.Keys.Union(held.Keys).Order()
            .Where(s => expected.GetValueOrDefault(s) != held.GetValueOrDefault(s))
            .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s} broker {expected.GetValueOrDefault(s)} ledger {held.GetValueOrDefault(s)}"));
        return $"positions differ: {string.Join(", ", differences)}. Fix: check the order manager's log for fills it could not deliver; the next reconciliation adopts the broker's positions.";
    }

    private async Task<decimal?> BuyingPowerAsync(CancellationToken cancellationToken)
    {
        var result = await _account.Broker.Ask<BrokerAccountResult>(GetBrokerAccount.Instance, _setup.AskTimeout, cancellationToken).ConfigureAwait(false);
        return result.Account?.BuyingPower;
    }
}
