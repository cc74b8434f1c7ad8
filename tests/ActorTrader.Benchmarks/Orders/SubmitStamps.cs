using System.Collections.Concurrent;
using System.Diagnostics;
using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Benchmarks.Orders;

/// <summary>
/// Where the latency figures stop their clock: the moment a broker's <c>SubmitOrderAsync</c> is entered for an expected
/// client order id (<see cref="Stamped"/>), and when that call returned. Shared by every connection the broker actor makes.
/// </summary>
internal sealed class SubmitStamps
{
    private readonly ConcurrentDictionary<string, Expected> _expected = new(StringComparer.Ordinal);

    /// <summary>Registers a client order id before its order is sent, so its entry cannot be missed.</summary>
    public Expected Expect(string clientOrderId)
    {
        var expected = new Expected();
        if (!_expected.TryAdd(clientOrderId, expected)) throw new InvalidOperationException($"Client order id {clientOrderId} is already expected; every sample order needs a fresh one.");
        return expected;
    }

    /// <summary>The broker with entry stamps on its submits.</summary>
    public IBroker Stamped(IBroker broker) => new StampingBroker(broker, this);

    private void Entered(string clientOrderId)
    {
        if (_expected.TryGetValue(clientOrderId, out var expected)) expected.EnteredAt.TrySetResult(Stopwatch.GetTimestamp());
    }

    private void Returned(string clientOrderId, Exception? failure)
    {
        if (!_expected.TryRemove(clientOrderId, out var expected)) return;
        if (failure is null) expected.Returned.TrySetResult();
        else expected.Returned.TrySetException(failure);
    }

    /// <summary>One expected submit: when it entered the broker (a Stopwatch timestamp) and when the call was over.</summary>
    internal sealed class Expected
    {
        public TaskCompletionSource<long> EnteredAt { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Returned { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class StampingBroker(IBroker inner, SubmitStamps stamps) : IBroker
    {
        public string Name => inner.Name;

        public bool IsLive => inner.IsLive;

        public async Task<BrokerOrder> SubmitOrderAsync(OrderRequest request, CancellationToken cancellationToken = default)
        {
            stamps.Entered(request.ClientOrderId);
            try
            {
                var order = await inner.SubmitOrderAsync(request, cancellationToken).ConfigureAwait(false);
                stamps.Returned(request.ClientOrderId, null);
                return order;
            }
            catch (Exception e)
            {
                stamps.Returned(request.ClientOrderId, e);
                throw;
            }
        }

        public Task<BrokerAccount> GetAccountAsync(CancellationToken cancellationToken = default) => inner.GetAccountAsync(cancellationToken);

        public Task<BrokerClock> GetClockAsync(CancellationToken cancellationToken = default) => inner.GetClockAsync(cancellationToken);

        public Task<IReadOnlyList<MarketSession>> GetCalendarAsync(DateOnly start, DateOnly end, CancellationToken cancellationToken = default) =>
            inner.GetCalendarAsync(start, end, cancellationToken);

        public Task<IReadOnlyList<BrokerAsset>> GetAssetsAsync(CancellationToken cancellationToken = default) => inner.GetAssetsAsync(cancellationToken);

        public Task<BrokerAsset?> GetAssetAsync(Symbol symbol, CancellationToken cancellationToken = default) => inner.GetAssetAsync(symbol, cancellationToken);

        public Task<BrokerOrder> ReplaceOrderAsync(string brokerOrderId, OrderReplacement replacement, CancellationToken cancellationToken = default) =>
            inner.ReplaceOrderAsync(brokerOrderId, replacement, cancellationToken);

        public Task CancelOrderAsync(string brokerOrderId, CancellationToken cancellationToken = default) => inner.CancelOrderAsync(brokerOrderId, cancellationToken);

        public Task CancelAllOrdersAsync(CancellationToken cancellationToken = default) => inner.CancelAllOrdersAsync(cancellationToken);

        public Task<BrokerOrder?> GetOrderAsync(string brokerOrderId, CancellationToken cancellationToken = default) => inner.GetOrderAsync(brokerOrderId, cancellationToken);

        public Task<BrokerOrder?> GetOrderByClientIdAsync(string clientOrderId, CancellationToken cancellationToken = default) =>
            inner.GetOrderByClientIdAsync(clientOrderId, cancellationToken);

        public Task<IReadOnlyList<BrokerOrder>> GetOrdersAsync(OrderQuery query, CancellationToken cancellationToken = default) => inner.GetOrdersAsync(query, cancellationToken);

        public Task<IReadOnlyList<BrokerPosition>> GetPositionsAsync(CancellationToken cancellationToken = default) => inner.GetPositionsAsync(cancellationToken);

        public Task<BrokerOrder> ClosePositionAsync(Symbol symbol, decimal? quantity = null, CancellationToken cancellationToken = default) =>
            inner.ClosePositionAsync(symbol, quantity, cancellationToken);

        public Task<IReadOnlyList<BrokerOrder>> CloseAllPositionsAsync(CancellationToken cancellationToken = default) => inner.CloseAllPositionsAsync(cancellationToken);

        public IAsyncEnumerable<TradeUpdate> TradeUpdatesAsync(CancellationToken cancellationToken = default) => inner.TradeUpdatesAsync(cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
