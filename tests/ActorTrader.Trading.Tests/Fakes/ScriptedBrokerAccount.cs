using System.Threading.Channels;
using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Trading.Tests.Fakes;

/// <summary>
/// A fake broker account for tests: the venue's state (orders by client order id, positions, cash), a log of every call,
/// scripted outcomes per method ("submit", "query", "orders", "positions", "account", "cancel", "cancel-all", ...) and a
/// trade-update feed the test pushes to. <see cref="Connect"/> is the <c>Func&lt;IBroker&gt;</c> a broker actor takes:
/// every call makes a new connection (<see cref="ScriptedBroker"/>) to the same account, so a reconnect finds the orders
/// and the updates not read yet. Thread-safe.
/// </summary>
public sealed class ScriptedBrokerAccount
{
    public const string Submit = "submit";
    public const string Query = "query";
    public const string ListOrders = "orders";
    public const string Positions = "positions";
    public const string Account = "account";
    public const string Cancel = "cancel";
    public const string CancelAll = "cancel-all";
    public const string CloseAll = "close-all";
    public const string ClosePosition = "close-position";
    public const string Clock = "clock";

    public static readonly Symbol DefaultSymbol = new("NASDAQ", "AAPL");

    private readonly Lock _gate = new();
    private readonly Func<DateTimeOffset> _clock;
    private readonly List<ScriptedBrokerCall> _calls = [];
    private readonly Dictionary<string, Queue<ScriptedBrokerOutcome>> _scripts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BrokerOrder> _orders = new(StringComparer.Ordinal);
    private readonly List<BrokerPosition> _positions = [];
    private readonly Channel<TradeUpdate> _updates = Channel.CreateUnbounded<TradeUpdate>();
    private TaskCompletionSource<Exception> _streamBreak = NewBreak();
    private int _failConnects;
    private int _connections;
    private int _connectAttempts;
    private int _orderSequence;
    private int _executionSequence;

    public ScriptedBrokerAccount(Func<DateTimeOffset>? clock = null, string name = "scripted")
    {
        _clock = clock ?? (() => new DateTimeOffset(2026, 1, 5, 14, 30, 0, TimeSpan.Zero));
        Name = name;
    }

    public string Name { get; }

    public decimal Cash { get; set; } = 100_000m;

    /// <summary>Runs when a submit arrives, before its outcome (e.g. to check the journal already holds the order).</summary>
    public Func<OrderRequest, Task>? BeforeSubmit { get; set; }

    /// <summary>The status a submit that goes through gets (<c>new</c> by default).</summary>
    public OrderStatus AcceptedStatus { get; set; } = OrderStatus.New;

    public int Connections
    {
        get
        {
            lock (_gate) return _connections;
        }
    }

    public int ConnectAttempts
    {
        get
        {
            lock (_gate) return _connectAttempts;
        }
    }

    public IReadOnlyList<ScriptedBrokerCall> Calls
    {
        get
        {
            lock (_gate) return [.. _calls];
        }
    }

    public IReadOnlyList<ScriptedBrokerCall> CallsOf(string method)
    {
        lock (_gate) return [.. _calls.Where(c => c.Method == method)];
    }

    /// <summary>The next <paramref name="count"/> connection attempts throw (as a broker that cannot be reached).</summary>
    public void FailConnects(int count)
    {
        lock (_gate) _failConnects = count;
    }

    /// <summary>The factory of connections (pass it to the broker actor).</summary>
    public IBroker Connect()
    {
        lock (_gate)
        {
            _connectAttempts++;
            if (_failConnects > 0)
            {
                _failConnects--;
                throw new BrokerUnavailableException($"{Name}: connection refused (scripted, attempt {_connectAttempts}).", 503);
            }
            _connections++;
            return new ScriptedBroker(this, _connections);
        }
    }

    /// <summary>Queues outcomes for the next calls of <paramref name="method"/>; once they are used up, calls behave as Ok.</summary>
    public void Script(string method, params ScriptedBrokerOutcome[] outcomes)
    {
        lock (_gate)
        {
            if (!_scripts.TryGetValue(method, out var queue)) _scripts[method] = queue = new Queue<ScriptedBrokerOutcome>();
            foreach (var outcome in outcomes) queue.Enqueue(outcome);
        }
    }

    /// <summary>The current trade-update stream fails with <paramref name="cause"/> (the connection breaks).</summary>
    public void BreakStream(Exception? cause = null)
    {
        TaskCompletionSource<Exception> broken;
        lock (_gate)
        {
            broken = _streamBreak;
            _streamBreak = NewBreak();
        }
        broken.TrySetResult(cause ?? new BrokerUnavailableException($"{Name}: the trade-update stream broke (scripted).", 503));
    }

    public BrokerOrder? Order(string clientOrderId)
    {
        lock (_gate) return _orders.GetValueOrDefault(clientOrderId);
    }

    /// <summary>Places an order as if it came from elsewhere (another client, a manual trade).</summary>
    public BrokerOrder AddOrder(string clientOrderId, OrderSide side, decimal quantity, Symbol? symbol = null, OrderStatus status = OrderStatus.New,
        decimal filled = 0m, decimal? averagePrice = null)
    {
        lock (_gate)
        {
            var now = _clock();
            var order = new BrokerOrder($"b-{++_orderSequence}", clientOrderId, symbol ?? DefaultSymbol, side, OrderType.Market, TimeInForce.Day, quantity,
                filled, averagePrice, null, null, status, now, now);
            _orders[clientOrderId] = order;
            return order;
        }
    }

    /// <summary>Changes an order at the venue without any trade update (as if the update was lost).</summary>
    public BrokerOrder SetOrder(string clientOrderId, Func<BrokerOrder, BrokerOrder> change)
    {
        lock (_gate)
        {
            var order = _orders[clientOrderId];
            return _orders[clientOrderId] = change(order) with { UpdatedAt = _clock() };
        }
    }

    /// <summary>Executes part of an order and pushes the fill (or partial_fill) update; returns it.</summary>
    public TradeUpdate Fill(string clientOrderId, decimal quantity, decimal price, string? executionId = null, decimal commission = 0m, bool push = true)
    {
        TradeUpdate update;
        lock (_gate)
        {
            var order = _orders[clientOrderId];
            var filled = order.FilledQuantity + quantity;
            var average = ((order.FilledAveragePrice ?? 0m) * order.FilledQuantity + price * quantity) / filled;
            var now = _clock();
            order = order with
            {
                FilledQuantity = filled,
                FilledAveragePrice = average,
                Status = filled >= order.Quantity ? OrderStatus.Filled : OrderStatus.PartiallyFilled,
                UpdatedAt = now,
                FilledAt = now,
            };
            _orders[clientOrderId] = order;
            update = new TradeUpdate(filled >= order.Quantity ? TradeUpdateEvent.Fill : TradeUpdateEvent.PartialFill, order, now, price, quantity,
                null, executionId ?? $"e-{++_executionSequence}", commission);
        }
        if (push) Push(update);
        return update;
    }

    /// <summary>Moves an order to a status and pushes the matching update; returns it.</summary>
    public TradeUpdate Update(string clientOrderId, TradeUpdateEvent @event, OrderStatus status, bool push = true)
    {
        TradeUpdate update;
        lock (_gate)
        {
            var order = _orders[clientOrderId] with { Status = status, UpdatedAt = _clock() };
            _orders[clientOrderId] = order;
            update = new TradeUpdate(@event, order, order.UpdatedAt);
        }
        if (push) Push(update);
        return update;
    }

    /// <summary>Pushes an update as it is (for repeats and odd sequences). Read by the current stream, or the next one.</summary>
    public void Push(TradeUpdate update) => _updates.Writer.TryWrite(update);

    public void SetPositions(params BrokerPosition[] positions)
    {
        lock (_gate)
        {
            _positions.Clear();
            _positions.AddRange(positions);
        }
    }

    internal ChannelReader<TradeUpdate> Updates => _updates.Reader;

    internal Task<Exception> StreamBreak
    {
        get
        {
            lock (_gate) return _streamBreak.Task;
        }
    }

    internal DateTimeOffset Now => _clock();

    internal ScriptedBrokerOutcome Record(string method, string? argument, int connection)
    {
        lock (_gate)
        {
            _calls.Add(new ScriptedBrokerCall(method, argument, connection));
            return _scripts.TryGetValue(method, out var queue) && queue.TryDequeue(out var outcome) ? outcome : ScriptedBrokerOutcome.Ok;
        }
    }

    internal BrokerOrder Place(OrderRequest request)
    {
        lock (_gate)
        {
            if (_orders.ContainsKey(request.ClientOrderId))
                throw new BrokerDuplicateClientOrderIdException(request.ClientOrderId, $"{Name}: client_order_id {request.ClientOrderId} must be unique (422).");
            var now = _clock();
            var order = new BrokerOrder($"b-{++_orderSequence}", request.ClientOrderId, request.Symbol, request.Side, request.Type, request.TimeInForce,
                request.Quantity, 0m, null, request.LimitPrice, request.StopPrice, AcceptedStatus, now, now);
            _orders[request.ClientOrderId] = order;
            return order;
        }
    }

    internal BrokerOrder? ByBrokerId(string brokerOrderId)
    {
        lock (_gate) return _orders.Values.FirstOrDefault(o => o.BrokerOrderId == brokerOrderId);
    }

    internal IReadOnlyList<BrokerOrder> OrdersWhere(Func<BrokerOrder, bool> predicate)
    {
        lock (_gate) return [.. _orders.Values.Where(predicate).OrderBy(o => o.BrokerOrderId, StringComparer.Ordinal)];
    }

    internal IReadOnlyList<BrokerPosition> PositionsNow()
    {
        lock (_gate) return [.. _positions];
    }

    internal BrokerAccount AccountNow() => new("scripted-account", AccountKind.Margin, Cash, Cash, Cash, Cash, "ACTIVE", false, false);

    private static TaskCompletionSource<Exception> NewBreak() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
