using System.Globalization;
using ActorTrader.Brokers.Abstractions;
using ActorTrader.Brokers.Streaming;
using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Brokers.Paper;

/// <summary>
/// The embedded default broker: a simulated account persisted in its own SQLite file, so a restarted (or killed) node
/// finds the same cash, positions, orders, fills and submission log.
/// <para>
/// Orders fill only against quotes published AFTER they were submitted and stamped no earlier (<see cref="PublishQuotesAsync"/>;
/// the replay driver publishes each bar's open and close), never at a price known when they were sent. Fills carry slippage against
/// the trader and commission (<see cref="PaperBrokerSettings"/>); limit orders fill only when the quote crosses the
/// limit; with a quote volume, the orders on that quote fill together at most max-participation of it and the rest
/// stays open. Quotes outside the symbol's regular session (NYSE hours; CRYPTO: symbols trade 24x7) mark prices but
/// fill nothing: orders sent outside hours are accepted and wait for the next in-session quote, like a broker queueing
/// them for the open. A quote stamped exactly at the close is still in session.
/// </para>
/// <para>
/// Time in force: day orders expire once a quote later than their session's close arrives, or at
/// <see cref="ExpireDayOrdersAsync"/>; gtc orders persist; ioc fills what it can on its first in-session quote and
/// cancels the rest; fok fills completely on that quote or is canceled. opg and cls are refused.
/// </para>
/// <para>
/// Every call runs under one lock and commits its changes in one durable transaction before it returns and before its
/// trade updates are published. Ids come from persisted sequences (orders <c>paper-N</c>, fills <c>paper-fill-N</c>)
/// and time from the injected <see cref="TimeProvider"/> and the quotes' own times, so the same calls and quotes give
/// byte-identical state (<see cref="DumpState"/>).
/// </para>
/// </summary>
public sealed partial class PaperBroker : IBroker
{
    private readonly Lock _gate = new();
    private readonly PaperBrokerSettings _settings;
    private readonly TimeProvider _time;
    private readonly PaperStateStore _store;
    private readonly PaperPricing _pricing;
    private readonly PaperAssets _assets;
    private readonly TradeUpdateHub _updates = new();
    private PaperAccountState _state;
    private Exception? _broken;
    private bool _disposed;

    /// <summary>
    /// Opens the paper account in <see cref="PaperBrokerSettings.StateFile"/>, creating it when new. Throws
    /// <see cref="PaperBrokerStateException"/> when the file is not a usable paper account (the file is left as it was).
    /// </summary>
    public PaperBroker(PaperBrokerSettings settings, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var problems = settings.Problems();
        if (problems.Count > 0)
            throw new ArgumentException($"Paper broker settings are invalid: {string.Join(" ", problems)} Fix: correct {PaperBrokerSettings.Section}.", nameof(settings));
        _settings = settings;
        _time = timeProvider;
        _pricing = new PaperPricing(settings);
        _assets = new PaperAssets(settings);
        _store = PaperStateStore.Open(settings);
        try
        {
            _state = _store.Load();
        }
        catch
        {
            _store.Dispose();
            throw;
        }
    }

    public string Name => "paper";

    public bool IsLive => false;

    /// <summary>The account's SQLite file (absolute).</summary>
    public string StateFile => _store.FilePath;

    /// <summary>An online copy of the account's file at <paramref name="destination"/>, taken between two of the broker's writes.</summary>
    public void BackupTo(string destination)
    {
        lock (_gate) _store.BackupTo(destination);
    }

    public Task<BrokerAccount> GetAccountAsync(CancellationToken cancellationToken = default) => Query(() =>
    {
        var equity = _state.Equity();
        return new BrokerAccount(_settings.AccountId, _state.Kind, _state.Ledger.Cash, BuyingPower(excluding: null), equity, _state.LastEquity,
            "ACTIVE", TradingBlocked: false, PatternDayTrader: false);
    }, cancellationToken);

    /// <summary>The NYSE clock at the injected time provider's now.</summary>
    public Task<BrokerClock> GetClockAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var now = Now();
        var calendar = MarketCalendars.Nyse;
        var session = calendar.NextSession(now);
        var isOpen = calendar.IsOpen(now);
        var nextOpen = isOpen ? calendar.NextSession(session.Close).Open : session.Open;
        return Task.FromResult(new BrokerClock(now, isOpen, nextOpen, session.Close));
    }

    /// <summary>NYSE sessions (the paper account's equity calendar).</summary>
    public Task<IReadOnlyList<MarketSession>> GetCalendarAsync(DateOnly start, DateOnly end, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(MarketCalendars.Nyse.Sessions(start, end));
    }

    /// <summary>The configured assets; with no list configured, every symbol the account has quoted, ordered or held.</summary>
    public Task<IReadOnlyList<BrokerAsset>> GetAssetsAsync(CancellationToken cancellationToken = default) => Query(() =>
        _assets.All(_state.Marks.Keys.Concat(_state.Orders.Select(o => o.Symbol)).Concat(_state.Ledger.Positions.Select(p => p.Symbol))), cancellationToken);

    public Task<BrokerAsset?> GetAssetAsync(Symbol symbol, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_assets.Find(symbol));
    }

    public Task<BrokerOrder?> GetOrderAsync(string brokerOrderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(brokerOrderId);
        return Query(() => _state.ByBrokerId(brokerOrderId)?.ToBrokerOrder(), cancellationToken);
    }

    public Task<BrokerOrder?> GetOrderByClientIdAsync(string clientOrderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientOrderId);
        return Query(() => _state.ByClientId(clientOrderId)?.ToBrokerOrder(), cancellationToken);
    }

    /// <summary>Orders by status and creation time (after and until both exclusive), newest first, at most <see cref="OrderQuery.Limit"/>.</summary>
    public Task<IReadOnlyList<BrokerOrder>> GetOrdersAsync(OrderQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit <= 0)
            throw new ArgumentOutOfRangeException(nameof(query), query.Limit, "The order query limit must be positive. Fix: ask for at least 1 order (500 is the default).");
        return Query<IReadOnlyList<BrokerOrder>>(() =>
        [
            .. _state.Orders.Reverse()
                .Where(o => query.Status switch
                {
                    OrderQueryStatus.Open => o.IsOpen,
                    OrderQueryStatus.Closed => !o.IsOpen,
                    _ => true,
                })
                .Where(o => (query.After is not { } after || o.CreatedAt > after) && (query.Until is not { } until || o.CreatedAt < until))
                .Take(query.Limit)
                .Select(o => o.ToBrokerOrder()),
        ], cancellationToken);
    }

    /// <summary>Open positions sorted by symbol, valued at their last quote (their average cost before any quote).</summary>
    public Task<IReadOnlyList<BrokerPosition>> GetPositionsAsync(CancellationToken cancellationToken = default) =>
        Query<IReadOnlyList<BrokerPosition>>(() =>
        [
            .. _state.Ledger.Positions.Select(p =>
            {
                var price = _state.ValuationPrice(p);
                return new BrokerPosition(p.Symbol, p.Quantity, p.AverageCost, p.Quantity * price, price, p.Quantity * (price - p.AverageCost));
            }),
        ], cancellationToken);

    /// <summary>
    /// Trade updates published from this call on (new, fill, partial_fill, canceled, expired, replaced, rejected). Any
    /// number of subscribers may listen; each gets every update in order. The stream ends quietly when the token is
    /// canceled or the broker is disposed. Updates are not replayed after a restart: query orders and
    /// <see cref="Executions"/> to reconcile.
    /// </summary>
    public IAsyncEnumerable<TradeUpdate> TradeUpdatesAsync(CancellationToken cancellationToken = default) => _updates.Subscribe(cancellationToken);

    /// <summary>Every submit attempt (accepted, duplicate or rejected), oldest first, including those before a restart.</summary>
    public IReadOnlyList<SubmissionRecord> SubmissionLog()
    {
        lock (_gate)
        {
            EnsureUsable();
            return [.. _state.Submissions];
        }
    }

    /// <summary>Every fill of the account, oldest first, including those before a restart.</summary>
    public IReadOnlyList<PaperExecution> Executions()
    {
        lock (_gate)
        {
            EnsureUsable();
            return [.. _state.Executions];
        }
    }

    /// <summary>
    /// The whole account as canonical text (invariant culture, stable order): account, counters, positions, marks,
    /// orders, fills and submissions. Equal dumps mean equal state; used to check determinism and restarts.
    /// </summary>
    public string DumpState()
    {
        lock (_gate)
        {
            EnsureUsable();
            return PaperStateDump.Write(_state, _settings.AccountId);
        }
    }

    /// <summary>Ends the trade-update streams and closes the state file (everything is already committed).</summary>
    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_disposed) return ValueTask.CompletedTask;
            _disposed = true;
            _updates.Complete();
            _store.Dispose();
        }
        return ValueTask.CompletedTask;
    }

    private DateTimeOffset Now() => _time.GetUtcNow().ToUniversalTime();

    private Task<T> Query<T>(Func<T> read, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            EnsureUsable();
            return Task.FromResult(read());
        }
    }

    /// <summary>
    /// Runs a changing operation: commits what it changed in one transaction, then publishes its trade updates, then
    /// throws its refusal if it has one. If anything fails before the commit completes, the account is reloaded from
    /// the file (so memory never holds what the file does not) and the failure propagates.
    /// </summary>
    private T Change<T>(Func<PaperChanges, T> operation, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            EnsureUsable();
            var changes = new PaperChanges();
            T result;
            try
            {
                result = operation(changes);
                if (!changes.IsEmpty) _store.Commit(_state, changes);
            }
            catch (Exception failure)
            {
                Reload(failure);
                throw;
            }
            _updates.Publish(changes.Updates);
            if (changes.Refusal is { } refusal) throw refusal;
            return result;
        }
    }

    private void Reload(Exception cause)
    {
        try
        {
            _state = _store.Load();
        }
        catch (PaperBrokerStateException reloadFailure)
        {
            // Memory may now differ from the file: refuse every further call instead of trading on it.
            _broken = new AggregateException(cause, reloadFailure);
        }
    }

    private void EnsureUsable()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_broken is not null)
        {
            throw new PaperBrokerStateException(_store.FilePath,
                $"The paper broker stopped after a failed write to {_store.FilePath} that it could not reload from. " +
                "Fix: restart the node; the file holds every call that completed.", _broken);
        }
    }

    private static IMarketCalendar CalendarOf(Symbol symbol) =>
        symbol.Exchange == Exchanges.Crypto ? MarketCalendars.Crypto : MarketCalendars.Nyse;

    // The close is part of the session: a quote stamped at the close (a daily bar's close) still fills.
    private static bool InSession(Symbol symbol, DateTimeOffset time)
    {
        var calendar = CalendarOf(symbol);
        return calendar.SessionOn(calendar.LocalDate(time)) is { } session && session.Open <= time && time <= session.Close;
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static string Describe(OrderSide side, decimal quantity, Symbol symbol) => $"{side.ToWire()} {Text(quantity)} {symbol}";
}
