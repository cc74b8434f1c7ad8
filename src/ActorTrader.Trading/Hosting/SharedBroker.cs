using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Trading.Host;

/// <summary>
/// One broker instance handed to the broker actor as a "connection" it may dispose without closing the broker: the
/// embedded paper broker is one account file shared by the broker actor (orders) and the replay driver (quotes), so its
/// owner (the node) disposes it once at the end. Every call goes to the shared instance; <see cref="DisposeAsync"/> only
/// ends this connection's trade-update streams.
/// </summary>
public sealed class SharedBroker(IBroker inner) : IBroker
{
    private readonly IBroker _inner = inner ?? throw new ArgumentNullException(nameof(inner));
    private readonly CancellationTokenSource _closed = new();

    public string Name => _inner.Name;

    public bool IsLive => _inner.IsLive;

    public Task<BrokerAccount> GetAccountAsync(CancellationToken cancellationToken = default) => _inner.GetAccountAsync(cancellationToken);

    public Task<BrokerClock> GetClockAsync(CancellationToken cancellationToken = default) => _inner.GetClockAsync(cancellationToken);

    public Task<IReadOnlyList<MarketSession>> GetCalendarAsync(DateOnly start, DateOnly end, CancellationToken cancellationToken = default) =>
        _inner.GetCalendarAsync(start, end, cancellationToken);

    public Task<IReadOnlyList<BrokerAsset>> GetAssetsAsync(CancellationToken cancellationToken = default) => _inner.GetAssetsAsync(cancellationToken);

    public Task<BrokerAsset?> GetAssetAsync(Symbol symbol, CancellationToken cancellationToken = default) => _inner.GetAssetAsync(symbol, cancellationToken);

    public Task<BrokerOrder> SubmitOrderAsync(OrderRequest request, CancellationToken cancellationToken = default) => _inner.SubmitOrderAsync(request, cancellationToken);

    public Task<BrokerOrder> ReplaceOrderAsync(string brokerOrderId, OrderReplacement replacement, CancellationToken cancellationToken = default) =>
        _inner.ReplaceOrderAsync(brokerOrderId, replacement, cancellationToken);

    public Task CancelOrderAsync(string brokerOrderId, CancellationToken cancellationToken = default) => _inner.CancelOrderAsync(brokerOrderId, cancellationToken);

    public Task CancelAllOrdersAsync(CancellationToken cancellationToken = default) => _inner.CancelAllOrdersAsync(cancellationToken);

    public Task<BrokerOrder?> GetOrderAsync(string brokerOrderId, CancellationToken cancellationToken = default) => _inner.GetOrderAsync(brokerOrderId, cancellationToken);

    public Task<BrokerOrder?> GetOrderByClientIdAsync(string clientOrderId, CancellationToken cancellationToken = default) =>
        _inner.GetOrderByClientIdAsync(clientOrderId, cancellationToken);

    public Task<IReadOnlyList<BrokerOrder>> GetOrdersAsync(OrderQuery query, CancellationToken cancellationToken = default) => _inner.GetOrdersAsync(query, cancellationToken);

    public Task<IReadOnlyList<BrokerPosition>> GetPositionsAsync(CancellationToken cancellationToken = default) => _inner.GetPositionsAsync(cancellationToken);

    public Task<BrokerOrder> ClosePositionAsync(Symbol symbol, decimal? quantity = null, CancellationToken cancellationToken = default) =>
        _inner.ClosePositionAsync(symbol, quantity, cancellationToken);

    public Task<IReadOnlyList<BrokerOrder>> CloseAllPositionsAsync(CancellationToken cancellationToken = default) => _inner.CloseAllPositionsAsync(cancellationToken);

    /// <summary>The shared broker's updates until this connection is disposed (or the token is canceled).</summary>
    public async IAsyncEnumerable<TradeUpdate> TradeUpdatesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closed.Token);
        await foreach (var update in _inner.TradeUpdatesAsync(linked.Token).WithCancellation(linked.Token).ConfigureAwait(false))
            yield return update;
    }

    public ValueTask DisposeAsync()
    {
        _closed.Cancel();
        _closed.Dispose();
        return ValueTask.CompletedTask;
    }
}
