using ActorTrader.Brokers.Abstractions;
using ActorTrader.Trading.Broker;

namespace ActorTrader.Trading.Host;

/// <summary>
/// One broker instance handed to the broker actor as a "connection" it may dispose without closing the broker: the
/// embedded paper broker is one account file shared by the broker actor (orders) and the replay driver (quotes), so its
/// owner (the node) disposes it once at the end. Every call goes to the shared instance; disposing only ends this
/// connection's trade-update streams.
/// </summary>
public sealed class SharedBroker(IBroker inner) : ForwardingBroker(inner, ownsInner: false)
{
    private readonly CancellationTokenSource _closed = new();

    /// <summary>The shared broker's updates until this connection is disposed (or the token is canceled).</summary>
    public override async IAsyncEnumerable<TradeUpdate> TradeUpdatesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closed.Token);
        await foreach (var update in Inner.TradeUpdatesAsync(linked.Token).WithCancellation(linked.Token).ConfigureAwait(false))
            yield return update;
    }

    /// <summary>Ends this connection's streams; the shared broker stays open for its owner.</summary>
    protected override async ValueTask DisposeAsyncCore()
    {
        await _closed.CancelAsync().ConfigureAwait(false);
        _closed.Dispose();
        await base.DisposeAsyncCore().ConfigureAwait(false);
    }
}
