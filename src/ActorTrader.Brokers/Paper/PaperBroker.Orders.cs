using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Brokers.Paper;

// Submitting, replacing, canceling and closing. Every submit attempt — accepted, duplicate or rejected — is appended to
// the submission log in the same transaction as its outcome.
public sealed partial class PaperBroker
{
    private const string AccountKindKey = PaperBrokerSettings.Section + ".account-kind";

    /// <summary>
    /// Accepts the order (status new; it fills at a later quote) or refuses it: a used client order id with
    /// <see cref="BrokerDuplicateClientOrderIdException"/> (the first order stands), anything else with
    /// <see cref="BrokerRejectedException"/> and a <see cref="PaperReasonCodes"/> reason. Either way the attempt is logged.
    /// </summary>
    public Task<BrokerOrder> SubmitOrderAsync(OrderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(Change(changes => Submit(request, replaces: null, excluding: null, changes)?.ToBrokerOrder(), cancellationToken)!);
    }

    /// <summary>
    /// Replaces an open order by a new one (Alpaca's PATCH): the old order ends as replaced, keeping what it filled; the new
    /// one gets <see cref="OrderReplacement.Quantity"/> (default: the old order's unfilled quantity) and the old order's
    /// other fields unless given, and a client order id of <see cref="OrderReplacement.ClientOrderId"/> or
    /// <c>&lt;old broker order id&gt;-replacement</c>. It fills only at quotes after the replacement.
    /// </summary>
    public Task<BrokerOrder> ReplaceOrderAsync(string brokerOrderId, OrderReplacement replacement, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(brokerOrderId);
        ArgumentNullException.ThrowIfNull(replacement);
        return Task.FromResult(Change(changes => Replace(brokerOrderId, replacement, changes), cancellationToken)!);
    }

    /// <summary>Cancels an open order at once (the canceled update is published before this returns).</summary>
    public Task CancelOrderAsync(string brokerOrderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(brokerOrderId);
        Change(changes =>
        {
            var order = _state.ByBrokerId(brokerOrderId);
            if (order is null) return Refuse<bool>(changes, NotFound(brokerOrderId));
            if (!order.IsOpen)
            {
                return Refuse<bool>(changes, new BrokerRejectedException(
                    $"Paper order {brokerOrderId} ({order.ClientOrderId}) is {order.Status.ToWire()} and can no longer be canceled. Fix: nothing to cancel; read its fills with GetOrderAsync.",
                    422, PaperReasonCodes.OrderNotCancelable));
            }
            End(order, OrderStatus.Canceled, Now(), "canceled on request", changes);
            return true;
        }, cancellationToken);
        return Task.CompletedTask;
    }

    public Task CancelAllOrdersAsync(CancellationToken cancellationToken = default)
    {
        Change(changes =>
        {
            CancelAll(changes);
            return true;
        }, cancellationToken);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Closes all of a position, or <paramref name="quantity"/> of it, with a market order (day; gtc for crypto) whose
    /// client order id is <c>close-&lt;symbol&gt;-&lt;n&gt;</c>, n a persisted sequence.
    /// </summary>
    public Task<BrokerOrder> ClosePositionAsync(Symbol symbol, decimal? quantity = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(Change(changes =>
        {
            var held = _state.Ledger.QuantityOf(symbol);
            if (held == 0)
            {
                return Refuse<BrokerOrder>(changes, new BrokerRejectedException(
                    $"The paper account has no position in {symbol} to close. Fix: check GetPositionsAsync for the symbols held.", 404, PaperReasonCodes.NoPosition));
            }
            if (quantity is { } q && (q <= 0 || q > Math.Abs(held)))
            {
                return Refuse<BrokerOrder>(changes, new BrokerRejectedException(
                    $"Cannot close {Text(q)} of the {Text(held)} {symbol} held. Fix: close a positive quantity up to {Text(Math.Abs(held))}, or omit it to close everything.",
                    422, PaperReasonCodes.InsufficientQuantity));
            }
            return SubmitClose(symbol, held, quantity ?? Math.Abs(held), changes)?.ToBrokerOrder();
        }, cancellationToken)!);

    /// <summary>
    /// Cancels every open order, then closes every position (sorted by symbol) with market orders. Should a close be
    /// refused, the others are still placed (and committed) and the first refusal is thrown.
    /// </summary>
    public Task<IReadOnlyList<BrokerOrder>> CloseAllPositionsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(Change<IReadOnlyList<BrokerOrder>>(changes =>
        {
            CancelAll(changes);
            var orders = new List<BrokerOrder>();
            foreach (var position in _state.Ledger.Positions)
            {
                if (SubmitClose(position.Symbol, position.Quantity, Math.Abs(position.Quantity), changes) is { } order) orders.Add(order.ToBrokerOrder());
            }
            return orders;
        }, cancellationToken));

    private PaperOrder? SubmitClose(Symbol symbol, decimal held, decimal quantity, PaperChanges changes)
    {
        var sequence = ++_state.CloseSequence;
        changes.AccountChanged();
        var timeInForce = symbol.Exchange == Exchanges.Crypto ? TimeInForce.Gtc : TimeInForce.Day;
        var request = OrderRequest.Market($"close-{symbol}-{sequence}", symbol, held > 0 ? OrderSide.Sell : OrderSide.Buy, quantity, timeInForce);
        return Submit(request, replaces: null, excluding: null, changes);
    }

    private void CancelAll(PaperChanges changes)
    {
        var now = Now();
        foreach (var order in _state.OpenOrders.ToList()) End(order, OrderStatus.Canceled, now, "canceled with all open orders", changes);
    }

    private BrokerOrder? Replace(string brokerOrderId, OrderReplacement replacement, PaperChanges changes)
    {
        var old = _state.ByBrokerId(brokerOrderId);
        if (old is null) return Refuse<BrokerOrder>(changes, NotFound(brokerOrderId));
        if (!old.IsOpen)
        {
            return Refuse<BrokerOrder>(changes, new BrokerRejectedException(
                $"Paper order {brokerOrderId} ({old.ClientOrderId}) is {old.Status.ToWire()} and can no longer be replaced. Fix: submit a new order instead.",
                422, PaperReasonCodes.OrderNotReplaceable));
        }
        OrderRequest request;
        try
        {
            request = new OrderRequest(replacement.ClientOrderId ?? $"{old.BrokerOrderId}-replacement", old.Symbol, old.Side,
                replacement.Quantity ?? old.Remaining, old.Type, replacement.TimeInForce ?? old.TimeInForce,
                replacement.LimitPrice ?? old.LimitPrice, replacement.StopPrice ?? old.StopPrice);
        }
        catch (InvalidOrderException e)
        {
            return Refuse<BrokerOrder>(changes, new BrokerRejectedException(
                $"Replacing paper order {brokerOrderId} gives an invalid order: {e.Message} Fix: pass values valid for a {old.Type.ToWire()} order.",
                422, PaperReasonCodes.InvalidReplacement, e));
        }
        var at = changes.Updates.Count;
        var created = Submit(request, old.BrokerOrderId, excluding: old, changes);
        if (created is null) return null;
        var now = created.CreatedAt;
        old.ReplacedBy = created.BrokerOrderId;
        old.End(OrderStatus.Replaced, now, $"replaced by {created.BrokerOrderId}");
        _state.Refresh(old);
        changes.Order(old);
        changes.Updates.Insert(at, new TradeUpdate(TradeUpdateEvent.Replaced, old.ToBrokerOrder(), now));
        return created.ToBrokerOrder();
    }

    /// <summary>Accepts or refuses one order and logs the attempt; null when refused (the refusal is on <paramref name="changes"/>).</summary>
    private PaperOrder? Submit(OrderRequest request, string? replaces, PaperOrder? excluding, PaperChanges changes)
    {
        var now = Now();
        if (_state.ByClientId(request.ClientOrderId) is { } existing)
        {
            Log(request, now, SubmissionOutcome.Duplicate, existing.BrokerOrderId, null, changes);
            changes.Refusal ??= new BrokerDuplicateClientOrderIdException(request.ClientOrderId,
                $"Client order id {request.ClientOrderId} was used before by paper order {existing.BrokerOrderId} " +
                $"({Describe(existing.Side, existing.Quantity, existing.Symbol)}, {existing.Status.ToWire()}); that order stands and no second one was created. " +
                "Fix: look the order up with GetOrderByClientIdAsync; give a genuinely new order a new client order id.");
            return null;
        }
        var sequence = _state.OrderSequence + 1;
        var order = new PaperOrder
        {
            Sequence = sequence,
            BrokerOrderId = $"paper-{sequence}",
            ClientOrderId = request.ClientOrderId,
            Symbol = request.Symbol,
            Side = request.Side,
            Type = request.Type,
            TimeInForce = request.TimeInForce,
            Quantity = request.Quantity,
            LimitPrice = request.LimitPrice,
            StopPrice = request.StopPrice,
            CreatedAt = now,
            UpdatedAt = now,
            // A day order belongs to the session in progress, or to the next one when sent outside hours.
            ExpiresAt = request.TimeInForce == TimeInForce.Day ? CalendarOf(request.Symbol).NextSession(now).Close : null,
            AfterQuote = _state.QuoteSequence,
            Replaces = replaces,
        };
        if (Refusal(order, excluding) is { } rejection)
        {
            Log(request, now, SubmissionOutcome.Rejected, null, rejection.ReasonCode, changes);
            changes.Refusal ??= rejection;
            return null;
        }
        _state.OrderSequence = sequence;
        _state.Add(order);
        changes.Order(order);
        Log(request, now, SubmissionOutcome.Accepted, order.BrokerOrderId, null, changes);
        changes.Updates.Add(new TradeUpdate(TradeUpdateEvent.New, order.ToBrokerOrder(), now));
        return order;
    }

    private BrokerRejectedException? Refusal(PaperOrder order, PaperOrder? excluding)
    {
        var what = $"Order {order.ClientOrderId} ({Describe(order.Side, order.Quantity, order.Symbol)})";
        var asset = _assets.Find(order.Symbol);
        if (asset is null)
        {
            return new BrokerRejectedException(
                $"{what}: {order.Symbol} is not an asset of the paper broker ({PaperBrokerSettings.Section}.assets lists {_assets.Count} symbols). " +
                $"Fix: add {order.Symbol} to {PaperBrokerSettings.Section}.assets, or leave the list empty to trade every symbol.",
                422, PaperReasonCodes.UnknownSymbol);
        }
        if (order.TimeInForce is TimeInForce.Opg or TimeInForce.Cls)
        {
            return new BrokerRejectedException(
                $"{what}: time in force {order.TimeInForce.ToWire()} (auction) is not simulated by the paper broker. Fix: use day, gtc, ioc or fok.",
                422, PaperReasonCodes.UnsupportedTimeInForce);
        }
        var held = _state.Ledger.QuantityOf(order.Symbol);
        var price = Estimate(order);
        if (order.Side == OrderSide.Sell && (_state.Kind == AccountKind.Cash || !asset.Shortable))
        {
            var working = Working(excluding, order.Symbol, OrderSide.Sell);
            var available = Math.Max(0, held - working);
            if (order.Quantity > available)
            {
                return _state.Kind == AccountKind.Cash
                    ? new BrokerRejectedException(
                        $"{what} would sell short: the cash account holds {Text(held)} {order.Symbol}, {Text(working)} of it on open sell orders. A cash account cannot short. " +
                        $"Fix: sell at most {Text(available)}, or set {AccountKindKey} = margin (for a new account file).",
                        403, PaperReasonCodes.NotShortableOnCashAccount)
                    : new BrokerRejectedException(
                        $"{what} would sell short, but {order.Symbol} is not shortable ({PaperBrokerSettings.Section}.not-shortable); the account holds {Text(held)}, " +
                        $"{Text(working)} of it on open sell orders. Fix: sell at most {Text(available)}.",
                        403, PaperReasonCodes.NotShortable);
            }
        }
        if (price is not { } estimate) return null;
        var buyingPower = BuyingPower(excluding);
        var needed = _state.Kind == AccountKind.Cash
            ? order.Side == OrderSide.Buy ? order.Quantity * estimate + _pricing.Commission(order, _pricing.RawCommission(order.Quantity, estimate)) : 0
            : ExposureAdded(order.Side, order.Quantity, held) * estimate;
        if (needed <= buyingPower) return null;
        var basis = _state.Kind == AccountKind.Cash
            ? $"the cash account's buying power is {Text(buyingPower)} (cash {Text(_state.Ledger.Cash)} less open buy orders)"
            : $"buying power is {Text(buyingPower)} ({Text(_settings.MarginMultiplier)} × equity {Text(_state.Equity())} less gross exposure {Text(_state.GrossExposure())} and open orders)";
        return new BrokerRejectedException(
            $"{what} needs about {Text(needed)} at {Text(estimate)} (slippage{(_state.Kind == AccountKind.Cash ? " and commission" : "")} included), but {basis}. " +
            "Fix: order less, cancel open orders, or add cash to a new paper account.",
            403, PaperReasonCodes.InsufficientBuyingPower);
    }

    private void Log(OrderRequest request, DateTimeOffset now, SubmissionOutcome outcome, string? brokerOrderId, string? reasonCode, PaperChanges changes)
    {
        var record = new SubmissionRecord(++_state.SubmissionSequence, request.ClientOrderId, request.Symbol, request.Side, request.Quantity,
            request.Type, request.TimeInForce, now, outcome, brokerOrderId, reasonCode);
        _state.Submissions.Add(record);
        changes.Submissions.Add(record);
        changes.AccountChanged();
    }

    private void End(PaperOrder order, OrderStatus status, DateTimeOffset time, string reason, PaperChanges changes)
    {
        order.End(status, time, reason);
        _state.Refresh(order);
        changes.Order(order);
        var update = status switch
        {
            OrderStatus.Canceled => TradeUpdateEvent.Canceled,
            OrderStatus.Expired => TradeUpdateEvent.Expired,
            OrderStatus.Rejected => TradeUpdateEvent.Rejected,
            _ => throw new InvalidOperationException($"Paper order {order.BrokerOrderId} cannot end as {status.ToWire()} here."),
        };
        changes.Updates.Add(new TradeUpdate(update, order.ToBrokerOrder(), time));
    }

    private static BrokerRejectedException NotFound(string brokerOrderId) => new(
        $"The paper broker has no order {brokerOrderId}. Fix: use a broker order id returned by SubmitOrderAsync (paper-N), or look the order up by client order id.",
        404, PaperReasonCodes.OrderNotFound);

    private static T? Refuse<T>(PaperChanges changes, BrokerException refusal)
    {
        changes.Refusal ??= refusal;
        return default;
    }
}
