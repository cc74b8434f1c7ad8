using System.Globalization;
using ActorTrader.Backtest.Results;
using ActorTrader.Backtest.Weights;
using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;
using ActorTrader.Strategies.Panel;

namespace ActorTrader.Backtest.EventDriven;

/// <summary>The state of one event-driven run: the ledger, the orders in flight and the outputs; see <see cref="EventDrivenSimulator"/>.</summary>
internal sealed class EventDrivenRun
{
    private readonly EventDrivenOptions _options;
    private readonly PointInTimePanel _view;
    private readonly Symbol[] _symbols;
    private readonly DateTimeOffset[] _times;
    private readonly int _n;
    private readonly int _bars;
    private readonly double[] _close;     // row-major copy: the per-bar loops walk one contiguous row
    private readonly double[] _targets;
    private readonly bool[] _rebalance;
    private readonly decimal _slippage;
    private readonly decimal _commission;
    private readonly decimal _lot;

    private readonly Ledger _ledger;
    private readonly decimal[] _quantity;   // mirror of the ledger's positions by symbol index
    private readonly int[] _lastPriced;     // bar of each symbol's last known close, −1 before its first
    private readonly List<PendingOrder> _open = [];
    private readonly List<PendingOrder> _orders = [];
    private readonly List<Fill> _fills = [];
    private readonly int[] _trades;
    private long _events;

    public EventDrivenRun(BarPanel panel, WeightsSchedule weights, EventDrivenOptions options)
    {
        _options = options;
        _n = panel.SymbolCount;
        _bars = panel.TimeCount;
        _view = panel.AsOf(_bars - 1);
        _symbols = [.. panel.Symbols];
        _times = [.. panel.Times];
        _close = new double[_bars * _n];
        for (var s = 0; s < _n; s++)
        {
            var column = _view.Close(s);
            for (var t = 0; t < _bars; t++) _close[t * _n + s] = column[t];
        }
        _targets = weights.Array;
        _rebalance = options.Rebalance.Mask(weights);
        _slippage = (decimal)options.SlippageBps / 10_000m;
        _commission = (decimal)options.CommissionBps / 10_000m;
        _lot = options.LotSize;
        _ledger = new Ledger(options.InitialCash, options.Account);
        _quantity = new decimal[_n];
        _lastPriced = new int[_n];
        Array.Fill(_lastPriced, -1);
        _trades = new int[_bars];
    }

    public BacktestResult Execute(CancellationToken cancellationToken)
    {
        var returns = new double[_bars];
        var equity = new decimal[_bars];
        var turnover = new double[_bars];
        var holdings = new double[_bars * _n];
        var previous = _options.InitialCash;
        for (var t = 0; t < _bars; t++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var traded = _open.Count > 0 ? FillAtOpen(t) : 0m;
            var row = t * _n;
            for (var s = 0; s < _n; s++)
            {
                if (_close[row + s] > 0) // false for NaN: no bar, the last close stays the mark
                {
                    _lastPriced[s] = t;
                    _events++;
                }
            }
            var nav = MarkToMarket(holdings.AsSpan(row, _n));
            equity[t] = nav;
            returns[t] = previous > 0 ? (double)nav / (double)previous - 1 : 0;
            turnover[t] = previous > 0 ? (double)(traded / previous) : 0;
            if (_rebalance[t] && t < _bars - 1) Decide(t, nav);
            previous = nav;
        }
        foreach (var order in _open) order.Note("Still open when the run ended.");
        return new BacktestResult(EventDrivenSimulator.Name, _symbols, _times, _options.InitialCash, returns, equity, turnover, _trades, holdings,
            _events, [.. _orders.Select(o => o.ToRecord())], _fills, _options.PeriodsPerYear);
    }

    private decimal MarkToMarket(Span<double> weights)
    {
        var nav = _ledger.Cash;
        for (var s = 0; s < _n; s++)
        {
            var q = _quantity[s];
            if (q != 0) nav += q * (decimal)_close[_lastPriced[s] * _n + s];
        }
        if (nav > 0)
        {
            var inverse = 1 / (double)nav;
            for (var s = 0; s < _n; s++)
            {
                var q = _quantity[s];
                if (q != 0) weights[s] = (double)q * _close[_lastPriced[s] * _n + s] * inverse;
            }
        }
        return nav;
    }

    private void Decide(int t, decimal nav)
    {
        var time = _times[t];
        foreach (var carried in _open) carried.Finish(OrderStatus.Canceled, $"Replaced by the rebalance decided at {Text(time)}.");
        _open.Clear();
        if (nav <= 0) return;
        var row = t * _n;
        for (var s = 0; s < _n; s++)
        {
            var w = _targets[row + s];
            var current = _quantity[s];
            if (w == 0 && current == 0) continue;
            var symbol = _symbols[s];
            if (_lastPriced[s] < 0)
            {
                Reject(t, s, w > 0 ? OrderSide.Buy : OrderSide.Sell, _lot, $"No price for {symbol} by {Text(time)}: nothing to size the order with.");
                continue;
            }
            var price = (decimal)_close[_lastPriced[s] * _n + s];
            var target = w == 0 ? 0m : Lots((decimal)w * nav / price);
            if (target < 0 && _options.Account == AccountKind.Cash)
            {
                Reject(t, s, OrderSide.Sell, -target, $"A cash account cannot short {symbol}; the target of {Text(target)} is held at 0. Fix: use a margin account.");
                target = 0;
            }
            var delta = target - current;
            if (delta == 0) continue;
            var side = delta > 0 ? OrderSide.Buy : OrderSide.Sell;
            var request = OrderRequest.Market(OrderId(t, s), symbol, side, Math.Abs(delta), _options.TimeInForce);
            var order = new PendingOrder(request, s, time);
            _open.Add(order);
            _orders.Add(order);
            _events++;
        }
    }

    private void Reject(int t, int s, OrderSide side, decimal quantity, string reason)
    {
        if (quantity <= 0) quantity = _lot;
        var order = new PendingOrder(OrderRequest.Market(OrderId(t, s) + "-rejected", _symbols[s], side, quantity, _options.TimeInForce), s, _times[t]);
        order.Finish(OrderStatus.Rejected, reason);
        _orders.Add(order);
        _events++;
    }

    private decimal FillAtOpen(int t)
    {
        var traded = 0m;
        // Sells first: their proceeds pay for the buys of the same open.
        foreach (var order in _open) if (order.Request.Side == OrderSide.Sell) traded += TryFill(order, t);
        foreach (var order in _open) if (order.Request.Side == OrderSide.Buy) traded += TryFill(order, t);
        _open.RemoveAll(o => o.IsDone);
        return traded;
    }

    private decimal TryFill(PendingOrder order, int t)
    {
        var s = order.SymbolIndex;
        var symbol = _symbols[s];
        var time = _times[t];
        var carry = _options.TimeInForce == TimeInForce.Gtc;
        var open = _view.Open(s)[t];
        if (!(open > 0))
        {
            if (!carry) order.Finish(OrderStatus.Canceled, $"No bar for {symbol} at {Text(time)}; {TifText()} order cancelled.");
            return 0;
        }

        var wanted = order.Remaining;
        var quantity = wanted;
        string? volumeLimit = null;
        if (_options.PartialFills)
        {
            var volume = _view.Volume(s)[t];
            var cap = volume > 0 && double.IsFinite(volume) ? Lots((decimal)(_options.Participation * volume)) : 0m;
            if (cap < quantity)
            {
                volumeLimit = $"Participation {Text(_options.Participation)} of volume {Text(volume)} at {Text(time)} allows {Text(cap)}.";
                if (_options.TimeInForce == TimeInForce.Fok)
                {
                    order.Finish(OrderStatus.Canceled, $"Fill or kill: {Text(cap)} of {Text(wanted)} available. {volumeLimit}");
                    return 0;
                }
                quantity = cap;
            }
        }

        var price = (decimal)open * (order.Request.Side == OrderSide.Buy ? 1 + _slippage : 1 - _slippage);
        string? constraint = null;
        if (_options.Account == AccountKind.Cash)
        {
            if (order.Request.Side == OrderSide.Sell && quantity > _quantity[s])
            {
                constraint = $"Scaled down from {Text(quantity)} to the {Text(_quantity[s])} held: a cash account cannot short {symbol}.";
                quantity = Math.Max(0, _quantity[s]);
            }
            else if (order.Request.Side == OrderSide.Buy)
            {
                var affordable = Affordable(price);
                if (quantity > affordable)
                {
                    constraint = $"Scaled down from {Text(quantity)} to {Text(affordable)}: cash {Text(Math.Round(_ledger.Cash, 2))} pays for no more at {Text(Math.Round(price, 4))} plus commission.";
                    quantity = affordable;
                }
            }
            if (constraint is not null && _options.TimeInForce == TimeInForce.Fok)
            {
                order.Finish(order.Filled > 0 ? OrderStatus.Canceled : OrderStatus.Rejected, "Fill or kill: " + constraint);
                return 0;
            }
        }

        if (quantity <= 0)
        {
            if (constraint is not null) order.Finish(order.Filled > 0 ? OrderStatus.Canceled : OrderStatus.Rejected, constraint);
            else if (!carry) order.Finish(OrderStatus.Canceled, $"{volumeLimit} Nothing filled; {TifText()} order cancelled.");
            return 0;
        }

        var fill = new Fill(order.Request.ClientOrderId, symbol, order.Request.Side, quantity, price, price * quantity * _commission, time);
        _ledger.Apply(fill);
        _quantity[s] += fill.SignedQuantity;
        _fills.Add(fill);
        _events++;
        if (order.Filled == 0) _trades[t]++;
        order.Record(fill);

        if (order.Remaining == 0)
        {
            if (constraint is not null) order.Note(constraint);
        }
        else if (constraint is not null)
        {
            order.Finish(OrderStatus.Canceled, constraint + " The remainder is cancelled.");
        }
        else if (!carry)
        {
            order.Finish(OrderStatus.Canceled, $"{volumeLimit} Remainder {Text(order.Remaining)} cancelled ({TifText()}).");
        }
        return fill.Notional;
    }

    // Whole lots the cash pays for at this price, commission included.
    private decimal Affordable(decimal price)
    {
        var cash = _ledger.Cash;
        if (cash <= 0) return 0;
        var perUnit = price * (1 + _commission);
        var quantity = Lots(cash / perUnit);
        while (quantity > 0 && quantity * price + quantity * price * _commission > cash) quantity -= _lot;
        return quantity;
    }

    // Rounded toward zero to a whole number of lots.
    private decimal Lots(decimal quantity) => _lot == 1m ? decimal.Truncate(quantity) : decimal.Truncate(quantity / _lot) * _lot;

    private string OrderId(int t, int s) => $"{_options.OrderIdPrefix}-{t.ToString(CultureInfo.InvariantCulture)}-{_symbols[s].Ticker}";

    private string TifText() => _options.TimeInForce.ToWire();

    private static string Text(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
