using System.Globalization;
using System.Text;
using ActorTrader.Brokers.Abstractions;
using ActorTrader.Data.Providers.Alpaca;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Brokers.Alpaca;

public sealed partial class AlpacaBroker
{
    // Alpaca's largest page of GET /v2/orders.
    private const int MaxOrdersPerPage = 500;

    public async Task<BrokerOrder> SubmitOrderAsync(OrderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var what = $"order {request.ClientOrderId} ({request.Side.ToWire()} {AlpacaOrderRequestJson.Text(request.Quantity)} {request.Symbol})";
        await HoldUntilStreamUpAsync(what, cancellationToken).ConfigureAwait(false);
        var ticker = AlpacaSymbolMap.TickerOf(request.Symbol);
        _symbols.Remember(ticker, request.Symbol);
        var call = new AlpacaCall(HttpMethod.Post, "/v2/orders", what, Idempotent: false)
        {
            Body = AlpacaOrderRequestJson.Submit(request, ticker),
            ClientOrderId = request.ClientOrderId,
        };
        // Expected before it is sent: should the stream drop while the answer is on its way, a poll still follows it from zero.
        lock (_emitGate) _fills.Expect(request.ClientOrderId, _clock.GetUtcNow());
        byte[] body;
        try
        {
            body = await RequireAsync(call, cancellationToken).ConfigureAwait(false);
        }
        catch (BrokerException e) when (e.IsDefinite && e is not BrokerDuplicateClientOrderIdException)
        {
            lock (_emitGate) _fills.Forget(request.ClientOrderId);
            throw;
        }
        var order = await ToOrderAsync(call, Parse(call, body, AlpacaOrderParser.ParseOne), request.Symbol, cancellationToken).ConfigureAwait(false);
        Track(order);
        return order;
    }

    /// <summary>Replaces an open order (PATCH); Alpaca answers with the new order, which <see cref="BrokerOrder.Replaces"/> the old one.</summary>
    public async Task<BrokerOrder> ReplaceOrderAsync(string brokerOrderId, OrderReplacement replacement, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(brokerOrderId);
        ArgumentNullException.ThrowIfNull(replacement);
        var what = $"the replacement of order {brokerOrderId}";
        await HoldUntilStreamUpAsync(what, cancellationToken).ConfigureAwait(false);
        var call = new AlpacaCall(HttpMethod.Patch, "/v2/orders/" + Uri.EscapeDataString(brokerOrderId), what, Idempotent: false)
        {
            Body = AlpacaOrderRequestJson.Replace(replacement),
            ClientOrderId = replacement.ClientOrderId,
        };
        var body = await RequireAsync(call, cancellationToken).ConfigureAwait(false);
        var order = await ToOrderAsync(call, Parse(call, body, AlpacaOrderParser.ParseOne), known: null, cancellationToken).ConfigureAwait(false);
        Track(order);
        return order;
    }

    public async Task CancelOrderAsync(string brokerOrderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(brokerOrderId);
        // Asking twice to cancel is the same as asking once: safe to retry.
        var call = new AlpacaCall(HttpMethod.Delete, "/v2/orders/" + Uri.EscapeDataString(brokerOrderId), $"the cancel of order {brokerOrderId}", Idempotent: true);
        await RequireAsync(call, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Requests a cancel of every open order. Orders that finished meanwhile (404) are fine; any other refusal throws, naming them.</summary>
    public async Task CancelAllOrdersAsync(CancellationToken cancellationToken = default)
    {
        var call = new AlpacaCall(HttpMethod.Delete, "/v2/orders", "the cancel of all open orders", Idempotent: true);
        var body = await RequireAsync(call, cancellationToken).ConfigureAwait(false);
        var failed = Parse(call, body, AlpacaMultiStatusParser.Parse).Where(i => !i.Succeeded && i.Status != 404).ToList();
        if (failed.Count > 0)
        {
            throw new BrokerException(
                $"Alpaca did not cancel {failed.Count} order(s) on {AlpacaErrorText.Route("DELETE", call.UrlUnder(_options.BaseUrl))}: " +
                $"{Describe(failed)}. The other open orders are being canceled. Fix: list the open orders and cancel the remaining ones one by one.",
                isDefinite: false);
        }
    }

    public async Task<BrokerOrder?> GetOrderAsync(string brokerOrderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(brokerOrderId);
        var call = AlpacaCall.Get("/v2/orders/" + Uri.EscapeDataString(brokerOrderId), $"order {brokerOrderId}");
        var body = await CallAsync(call, notFoundIsNull: true, cancellationToken).ConfigureAwait(false);
        return body is null ? null : await ToOrderAsync(call, Parse(call, body, AlpacaOrderParser.ParseOne), known: null, cancellationToken).ConfigureAwait(false);
    }

    public async Task<BrokerOrder?> GetOrderByClientIdAsync(string clientOrderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientOrderId);
        var call = AlpacaCall.Get("/v2/orders:by_client_order_id", $"the order with client order id {clientOrderId}",
            "client_order_id=" + Uri.EscapeDataString(clientOrderId));
        var body = await CallAsync(call, notFoundIsNull: true, cancellationToken).ConfigureAwait(false);
        return body is null ? null : await ToOrderAsync(call, Parse(call, body, AlpacaOrderParser.ParseOne), known: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Orders oldest first; more than 500 are fetched page by page.</summary>
    public async Task<IReadOnlyList<BrokerOrder>> GetOrdersAsync(OrderQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        var status = query.Status switch
        {
            OrderQueryStatus.Open => "open",
            OrderQueryStatus.Closed => "closed",
            _ => "all",
        };
        var orders = new List<BrokerOrder>();
        var call = AlpacaCall.Get("/v2/orders", $"the {status} orders");
        await foreach (var record in ListOrdersAsync(status, query.After, query.Until, query.Limit, cancellationToken).ConfigureAwait(false))
            orders.Add(await ToOrderAsync(call, record, known: null, cancellationToken).ConfigureAwait(false));
        return orders;
    }

    /// <summary>Closes the position with a market order (DELETE /v2/positions/{symbol}); sent once, never retried.</summary>
    public async Task<BrokerOrder> ClosePositionAsync(Symbol symbol, decimal? quantity = null, CancellationToken cancellationToken = default)
    {
        if (quantity is <= 0) throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "The quantity to close must be positive, or null for the whole position.");
        _symbols.Remember(AlpacaSymbolMap.TickerOf(symbol), symbol);
        var what = quantity is { } q ? $"the close of {AlpacaOrderRequestJson.Text(q)} {symbol}" : $"the close of the {symbol} position";
        var call = new AlpacaCall(HttpMethod.Delete, "/v2/positions/" + Uri.EscapeDataString(AlpacaSymbolMap.PathTickerOf(symbol)), what, Idempotent: false)
        {
            Query = quantity is { } part ? "qty=" + AlpacaOrderRequestJson.Text(part) : null,
        };
        var body = await RequireAsync(call, cancellationToken).ConfigureAwait(false);
        var order = await ToOrderAsync(call, Parse(call, body, AlpacaOrderParser.ParseOne), symbol, cancellationToken).ConfigureAwait(false);
        Track(order);
        return order;
    }

    /// <summary>
    /// Cancels open orders and closes every position (DELETE /v2/positions?cancel_orders=true); sent once. When Alpaca
    /// refuses some closes, throws <see cref="BrokerException"/> (not definite: other closes went out) naming them.
    /// </summary>
    public async Task<IReadOnlyList<BrokerOrder>> CloseAllPositionsAsync(CancellationToken cancellationToken = default)
    {
        var call = new AlpacaCall(HttpMethod.Delete, "/v2/positions", "the close of all positions", Idempotent: false) { Query = "cancel_orders=true" };
        var body = await RequireAsync(call, cancellationToken).ConfigureAwait(false);
        var items = Parse(call, body, AlpacaMultiStatusParser.Parse);
        var orders = new List<BrokerOrder>();
        foreach (var item in items.Where(i => i.Succeeded && i.Order is not null))
        {
            var order = await ToOrderAsync(call, item.Order!, known: null, cancellationToken).ConfigureAwait(false);
            Track(order);
            orders.Add(order);
        }
        var refused = items.Where(i => !i.Succeeded).ToList();
        if (refused.Count > 0)
        {
            var sent = orders.Count == 0 ? "no closing order was created" : $"closing orders were created for {string.Join(", ", orders.Select(o => o.Symbol))}";
            throw new BrokerException(
                $"Alpaca refused to close {refused.Count} position(s) on {AlpacaErrorText.Route("DELETE", call.UrlUnder(_options.BaseUrl))}: {Describe(refused)}; " +
                $"{sent}. Fix: check the refused positions (shares held by open orders, shorting not allowed) and close them one by one.",
                isDefinite: false);
        }
        return orders;
    }

    private async IAsyncEnumerable<AlpacaOrderRecord> ListOrdersAsync(string status, DateTimeOffset? after, DateTimeOffset? until, int limit,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var remaining = limit;
        while (remaining > 0)
        {
            var page = Math.Min(remaining, MaxOrdersPerPage);
            var query = new StringBuilder()
                .Append("status=").Append(status)
                .Append("&limit=").Append(page.ToString(CultureInfo.InvariantCulture))
                .Append("&direction=asc&nested=false");
            if (after is { } a) query.Append("&after=").Append(Uri.EscapeDataString(AlpacaTimestamp.Format(a)));
            if (until is { } u) query.Append("&until=").Append(Uri.EscapeDataString(AlpacaTimestamp.Format(u)));
            var call = AlpacaCall.Get("/v2/orders", $"the {status} orders", query.ToString());
            var records = Parse(call, await RequireAsync(call, cancellationToken).ConfigureAwait(false), AlpacaOrderParser.ParseList);
            var added = 0;
            foreach (var record in records)
            {
                if (!seen.Add(record.Id)) continue;
                added++;
                remaining--;
                yield return record;
                if (remaining == 0) yield break;
            }
            if (records.Count < page || added == 0) yield break;
            // The next page starts just before the last one seen: orders sharing its instant are not skipped (repeats are dropped above).
            after = (records[^1].SubmittedAt ?? records[^1].CreatedAt) - TimeSpan.FromTicks(1);
        }
    }

    private async Task<BrokerOrder> ToOrderAsync(AlpacaCall call, AlpacaOrderRecord r, Symbol? known, CancellationToken cancellationToken)
    {
        var symbol = known ?? await ResolveAsync(call, r.Ticker, r.AssetClass, r.AssetId, exchange: null, cancellationToken).ConfigureAwait(false);
        if (known is { } asked && r.AssetId is { } assetId) _symbols.Remember(r.Ticker, asked, assetId);
        return ToOrder(r, symbol);
    }

    // A notional (dollar) order has no quantity until it fills: what has filled stands for it.
    private static BrokerOrder ToOrder(AlpacaOrderRecord r, Symbol symbol) =>
        new(r.Id, r.ClientOrderId, symbol, r.Side, r.Type, r.TimeInForce, r.Quantity ?? r.FilledQuantity, r.FilledQuantity, r.FilledAveragePrice,
            r.LimitPrice, r.StopPrice, r.Status, r.CreatedAt, r.UpdatedAt, r.FilledAt, r.ReplacedBy, r.Replaces);

    private string Describe(IEnumerable<AlpacaMultiStatusItem> items) =>
        string.Join("; ", items.Select(i => $"{i.Subject}: HTTP {i.Status}" + (i.Message.Length > 0 ? $" \"{_errors.Redact(i.Message)}\"" : "")));
}
