using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Trading.Broker;

/// <summary>
/// A broker in front of another that passes every call on unchanged: the base of decorators that watch or change a few
/// calls (the crash test's crash points, the benchmarks' submit stamps) and override only those. Disposing it disposes
/// the inner broker, unless it was made with <c>ownsInner: false</c> (a view of a broker someone else closes).
/// </summary>
public abstract class ForwardingBroker(IBroker inner, bool ownsInner = true) : IBroker
{
    protected IBroker Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    public virtual string Name => Inner.Name;

    public virtual bool IsLive => Inner.IsLive;

    public virtual Task<BrokerAccount> GetAccountAsync(CancellationToken cancellationToken = default) => Inner.GetAccountAsync(cancellationToken);

    public virtual Task<BrokerClock> GetClockAsync(CancellationToken cancellationToken = default) => Inner.GetClockAsync(cancellationToken);

    public virtual Task<IReadOnlyList<MarketSession>> GetCalendarAsync(DateOnly start, DateOnly end, CancellationToken cancellationToken = default) =>
        Inner.GetCalendarAsync(start, end, cancellationToken);

    public virtual Task<IReadOnlyList<BrokerAsset>> GetAssetsAsync(CancellationToken cancellationToken = default) => Inner.GetAssetsAsync(cancellationToken);

    public virtual Task<BrokerAsset?> GetAssetAsync(Symbol symbol, CancellationToken cancellationToken = default) => Inner.GetAssetAsync(symbol, cancellationToken);

    public virtual Task<BrokerOrder> SubmitOrderAsync(OrderRequest request, CancellationToken cancellationToken = default) => Inner.SubmitOrderAsync(request, cancellationToken);

    public virtual Task<BrokerOrder> ReplaceOrderAsync(string brokerOrderId, OrderReplacement replacement, CancellationToken cancellationToken = default) =>
        Inner.ReplaceOrderAsync(brokerOrderId, replacement, cancellationToken);

    public virtual Task CancelOrderAsync(string brokerOrderId, CancellationToken cancellationToken = default) => Inner.CancelOrderAsync(brokerOrderId, cancellationToken);

    public virtual Task CancelAllOrdersAsync(CancellationToken cancellationToken = default) => Inner.CancelAllOrdersAsync(cancellationToken);

    public virtual Task<BrokerOrder?> GetOrderAsync(string brokerOrderId, CancellationToken cancellationToken = default) => Inner.GetOrderAsync(brokerOrderId, cancellationToken);

    public virtual Task<BrokerOrder?> GetOrderByClientIdAsync(string clientOrderId, CancellationToken cancellationToken = default) =>
        Inner.GetOrderByClientIdAsync(clientOrderId, cancellationToken);

    public virtual Task<IReadOnlyList<BrokerOrder>> GetOrdersAsync(OrderQuery query, CancellationToken cancellationToken = default) => Inner.GetOrdersAsync(query, cancellationToken);

    public virtual Task<IReadOnlyList<BrokerPosition>> GetPositionsAsync(CancellationToken cancellationToken = default) => Inner.GetPositionsAsync(cancellationToken);

    public virtual Task<BrokerOrder> ClosePositionAsync(Symbol symbol, decimal? quantity = null, CancellationToken cancellationToken = default) =>
        Inner.ClosePositionAsync(symbol, quantity, cancellationToken);

    public virtual Task<IReadOnlyList<BrokerOrder>> CloseAllPositionsAsync(CancellationToken cancellationToken = default) => Inner.CloseAllPositionsAsync(cancellationToken);

    public virtual IAsyncEnumerable<TradeUpdate> TradeUpdatesAsync(CancellationToken cancellationToken = default) => Inner.TradeUpdatesAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what the decorator holds; the default disposes the inner broker when it owns it.</summary>
    protected virtual ValueTask DisposeAsyncCore() => ownsInner ? Inner.DisposeAsync() : ValueTask.CompletedTask;
}
