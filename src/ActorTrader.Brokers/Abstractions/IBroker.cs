using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Brokers.Abstractions;

/// <summary>
/// One broker account: what it holds, when its market trades, and its orders. Implemented by <c>PaperBroker</c> (the
/// embedded default) and <c>AlpacaBroker</c>. Errors are typed (<see cref="BrokerException"/> and subclasses) so callers
/// can tell a definite refusal from an ambiguous outcome: after <see cref="BrokerTimeoutException"/> the order may or may
/// not exist at the broker, and the caller must ask by client order id before doing anything else.
/// </summary>
public interface IBroker : IAsyncDisposable
{
    /// <summary>Short name for logs and status: <c>paper</c>, <c>alpaca-paper</c>, <c>alpaca-live</c>.</summary>
    string Name { get; }

    /// <summary>True when orders move real money. The live gate refuses to start such a broker unless every condition holds.</summary>
    bool IsLive { get; }

    Task<BrokerAccount> GetAccountAsync(CancellationToken cancellationToken = default);

    Task<BrokerClock> GetClockAsync(CancellationToken cancellationToken = default);

    /// <summary>Trading sessions with start ≤ exchange-local date ≤ end, ascending.</summary>
    Task<IReadOnlyList<MarketSession>> GetCalendarAsync(DateOnly start, DateOnly end, CancellationToken cancellationToken = default);

    /// <summary>Active assets.</summary>
    Task<IReadOnlyList<BrokerAsset>> GetAssetsAsync(CancellationToken cancellationToken = default);

    /// <summary>The asset, or null when the broker does not know the symbol.</summary>
    Task<BrokerAsset?> GetAssetAsync(Symbol symbol, CancellationToken cancellationToken = default);

    /// <summary>
    /// Submits an order. The client order id is the idempotency key: a second submit with the same id is refused with
    /// <see cref="BrokerDuplicateClientOrderIdException"/> and never creates a second order.
    /// </summary>
    Task<BrokerOrder> SubmitOrderAsync(OrderRequest request, CancellationToken cancellationToken = default);

    Task<BrokerOrder> ReplaceOrderAsync(string brokerOrderId, OrderReplacement replacement, CancellationToken cancellationToken = default);

    /// <summary>Requests a cancel; the outcome arrives as a trade update (canceled, or fill if it raced).</summary>
    Task CancelOrderAsync(string brokerOrderId, CancellationToken cancellationToken = default);

    /// <summary>Requests a cancel of every open order.</summary>
    Task CancelAllOrdersAsync(CancellationToken cancellationToken = default);

    /// <summary>The order, or null when the broker has no order with that id.</summary>
    Task<BrokerOrder?> GetOrderAsync(string brokerOrderId, CancellationToken cancellationToken = default);

    /// <summary>The order, or null when the broker has no order with that client order id (so it was never accepted).</summary>
    Task<BrokerOrder?> GetOrderByClientIdAsync(string clientOrderId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<BrokerOrder>> GetOrdersAsync(OrderQuery query, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<BrokerPosition>> GetPositionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Closes one position (all of it, or <paramref name="quantity"/>) with a market order; returns that order.</summary>
    Task<BrokerOrder> ClosePositionAsync(Symbol symbol, decimal? quantity = null, CancellationToken cancellationToken = default);

    /// <summary>Closes every position with market orders (and cancels open orders first); returns the closing orders.</summary>
    Task<IReadOnlyList<BrokerOrder>> CloseAllPositionsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Order events (new, fill, partial_fill, canceled, …) from now on, in the order the broker produced them, until the
    /// token is canceled. The stream does not end when a connection drops: the implementation reconnects and fills any
    /// gap by polling, so a consumer sees every fill. A fill can be delivered more than once (a reconnect may repeat it);
    /// <see cref="TradeUpdate.ExecutionId"/> identifies it, and consumers de-duplicate on it.
    /// </summary>
    IAsyncEnumerable<TradeUpdate> TradeUpdatesAsync(CancellationToken cancellationToken = default);
}
