using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Brokers.Paper;

// Quotes drive everything that happens to an order after it is accepted: expiry, stop triggers and fills.
public sealed partial class PaperBroker
{
    /// <summary>
    /// Processes quotes in the order given: each one first expires the day orders whose session closed before its time,
    /// then marks its symbol, then (inside the symbol's session) fills the symbol's open orders that were submitted
    /// before this call and at or before the quote's time, oldest first. Everything the call did is committed in one transaction before it returns; the
    /// returned updates (also published to <see cref="TradeUpdatesAsync"/>) are in the order they happened.
    /// A non-positive price or negative volume refuses the whole call with <see cref="ArgumentException"/>.
    /// </summary>
    public Task<IReadOnlyList<TradeUpdate>> PublishQuotesAsync(IReadOnlyList<MarketQuote> quotes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(quotes);
        for (var i = 0; i < quotes.Count; i++)
        {
            var q = quotes[i];
            if (q.Symbol.Ticker is null)
                throw new ArgumentException($"Quote {i} has no symbol. Fix: give every quote an EXCHANGE:TICKER symbol.", nameof(quotes));
            if (q.Price <= 0)
                throw new ArgumentException($"Quote {i} for {q.Symbol} at {Text(q.Time)} has price {Text(q.Price)}; prices must be positive. Fix: drop or correct the quote.", nameof(quotes));
            if (q.Volume is < 0)
                throw new ArgumentException($"Quote {i} for {q.Symbol} at {Text(q.Time)} has volume {Text(q.Volume.Value)}; volume must be zero or more (or absent). Fix: correct the quote.", nameof(quotes));
        }
        if (quotes.Count == 0) return Task.FromResult<IReadOnlyList<TradeUpdate>>([]);
        return Task.FromResult(Change<IReadOnlyList<TradeUpdate>>(changes =>
        {
            foreach (var quote in quotes) Process(quote with { Time = quote.Time.ToUniversalTime() }, changes);
            return [.. changes.Updates];
        }, cancellationToken));
    }

    /// <summary>
    /// Expires every day order whose session has closed at the time provider's now (close ≤ now): the end-of-day step
    /// for a driver that publishes no quote after the close. Returns the expired updates.
    /// </summary>
    public Task<IReadOnlyList<TradeUpdate>> ExpireDayOrdersAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(Change<IReadOnlyList<TradeUpdate>>(changes =>
        {
            Expire(Now(), inclusive: true, changes);
            return [.. changes.Updates];
        }, cancellationToken));

    private void Process(MarketQuote quote, PaperChanges changes)
    {
        var sequence = ++_state.QuoteSequence;
        changes.AccountChanged();
        Expire(quote.Time, inclusive: false, changes);
        RollLastEquity(quote.Time);
        _state.Marks[quote.Symbol] = quote;
        changes.Mark(quote.Symbol);
        if (!InSession(quote.Symbol, quote.Time)) return;

        var available = quote.Volume is { } volume ? volume * _settings.MaxParticipation : (decimal?)null;
        // Only a quote both published and stamped after the order may fill it: a late quote from before (a replay resumed
        // after a crash republishes the day's open) is a price the order's sender already knew.
        foreach (var order in _state.OpenOrders.Where(o => o.Symbol == quote.Symbol && o.AfterQuote < sequence && o.CreatedAt <= quote.Time).ToList())
        {
            var filled = TryFill(order, quote, available, changes);
            if (available is { } left) available = left - filled;
        }
    }

    // Alpaca's last_equity: equity at the end of the previous session, rolled at the first quote of a new NYSE date.
    private void RollLastEquity(DateTimeOffset time)
    {
        var date = MarketCalendars.Nyse.LocalDate(time);
        if (_state.LastEquityDate is { } last && date <= last) return;
        if (_state.LastEquityDate is not null) _state.LastEquity = _state.Equity();
        _state.LastEquityDate = date;
    }

    private void Expire(DateTimeOffset time, bool inclusive, PaperChanges changes)
    {
        var due = _state.OpenOrders.Where(o => o.ExpiresAt is { } close && (inclusive ? close <= time : close < time)).ToList();
        foreach (var order in due) End(order, OrderStatus.Expired, order.ExpiresAt!.Value, $"day order expired at the session close {Text(order.ExpiresAt.Value)}", changes);
    }

    /// <summary>Fills what it can of <paramref name="order"/> at <paramref name="quote"/>; returns the quantity filled.</summary>
    private decimal TryFill(PaperOrder order, MarketQuote quote, decimal? available, PaperChanges changes)
    {
        var time = quote.Time;
        var immediate = order.TimeInForce is TimeInForce.Ioc or TimeInForce.Fok;
        if (order.Type is OrderType.Stop or OrderType.StopLimit && !order.StopTriggered)
        {
            if (!PaperPricing.Triggers(order, quote.Price))
            {
                if (immediate) End(order, OrderStatus.Canceled, time, $"{order.TimeInForce.ToWire()}: the stop {Text(order.StopPrice!.Value)} did not trigger at {Text(quote.Price)}", changes);
                return 0;
            }
            order.StopTriggered = true;
            changes.Order(order);
        }
        if (!PaperPricing.Crosses(order, quote.Price))
        {
            if (immediate) End(order, OrderStatus.Canceled, time, $"{order.TimeInForce.ToWire()}: the limit {Text(order.LimitPrice!.Value)} was not reached at {Text(quote.Price)}", changes);
            return 0;
        }

        var wanted = order.Remaining;
        string? volumeLimit = null;
        if (available is { } cap && Lots(cap, order.Lot) < wanted)
        {
            wanted = Lots(cap, order.Lot);
            volumeLimit = $"the quote's volume allows {Text(wanted)} at {Text(_settings.MaxParticipation)} participation";
        }
        var price = _pricing.FillPrice(order, quote.Price);
        var quantity = Allowed(order, wanted, price, out var accountLimit);

        if (order.TimeInForce == TimeInForce.Fok && quantity < order.Remaining)
        {
            var status = accountLimit is not null ? OrderStatus.Rejected : OrderStatus.Canceled;
            End(order, status, time, $"fok: only {Text(quantity)} of {Text(order.Remaining)} could fill ({accountLimit ?? volumeLimit})", changes);
            return 0;
        }
        if (quantity <= 0)
        {
            if (accountLimit is not null)
                End(order, order.FilledQuantity > 0 ? OrderStatus.Canceled : OrderStatus.Rejected, time, $"nothing could fill: {accountLimit}", changes);
            else if (immediate)
                End(order, OrderStatus.Canceled, time, $"{order.TimeInForce.ToWire()}: nothing could fill ({volumeLimit})", changes);
            return 0;
        }

        Execute(order, quantity, price, time, changes);
        if (order.Remaining > 0 && accountLimit is not null)
            End(order, OrderStatus.Canceled, time, $"remainder {Text(order.Remaining)} canceled: {accountLimit}", changes);
        else if (order.Remaining > 0 && immediate)
            End(order, OrderStatus.Canceled, time, $"ioc: remainder {Text(order.Remaining)} canceled ({volumeLimit})", changes);
        return quantity;
    }

    private void Execute(PaperOrder order, decimal quantity, decimal price, DateTimeOffset time, PaperChanges changes)
    {
        var raw = _pricing.RawCommission(quantity, price);
        var commission = _pricing.Commission(order, raw);
        _state.Ledger.Apply(new Fill(order.ClientOrderId, order.Symbol, order.Side, quantity, price, commission, time));
        order.RecordFill(quantity, price, raw, commission, time);
        _state.Refresh(order);
        changes.Order(order);

        var sequence = ++_state.ExecutionSequence;
        var position = _state.Ledger.QuantityOf(order.Symbol);
        var execution = new PaperExecution(sequence, $"paper-fill-{sequence}", order.BrokerOrderId, order.ClientOrderId, order.Symbol, order.Side,
            quantity, price, commission, time, position);
        _state.Executions.Add(execution);
        changes.Executions.Add(execution);
        changes.Updates.Add(new TradeUpdate(order.Status == OrderStatus.Filled ? TradeUpdateEvent.Fill : TradeUpdateEvent.PartialFill,
            order.ToBrokerOrder(), time, price, quantity, position, execution.ExecutionId, commission));
    }
}
