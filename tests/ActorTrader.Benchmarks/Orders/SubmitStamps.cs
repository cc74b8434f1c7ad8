using System.Collections.Concurrent;
using System.Diagnostics;
using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Orders;
using ActorTrader.Trading.Broker;

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

    private sealed class StampingBroker(IBroker inner, SubmitStamps stamps) : ForwardingBroker(inner)
    {
        public override async Task<BrokerOrder> SubmitOrderAsync(OrderRequest request, CancellationToken cancellationToken = default)
        {
            stamps.Entered(request.ClientOrderId);
            try
            {
                var order = await Inner.SubmitOrderAsync(request, cancellationToken).ConfigureAwait(false);
                stamps.Returned(request.ClientOrderId, null);
                return order;
            }
            catch (Exception e)
            {
                stamps.Returned(request.ClientOrderId, e);
                throw;
            }
        }
    }
}
