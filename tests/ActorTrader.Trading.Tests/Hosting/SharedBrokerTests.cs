using ActorTrader.Brokers.Abstractions;
using ActorTrader.Trading.Broker;
using ActorTrader.Trading.Host;
using ActorTrader.Trading.Tests.Fakes;

namespace ActorTrader.Trading.Tests.Host;

/// <summary>The shared paper broker as one connection: every call reaches the shared instance, and disposing the connection leaves it open.</summary>
public sealed class SharedBrokerTests
{
    private readonly ScriptedBrokerAccount _account = new();

    [Fact]
    public async Task Disposing_the_connection_leaves_the_shared_broker_open()
    {
        var shared = new DisposeRecorder(_account.Connect());
        var connection = new SharedBroker(shared);

        await connection.DisposeAsync();

        Assert.False(shared.Disposed);
    }

    [Fact]
    public async Task Disposing_the_connection_ends_its_trade_update_stream()
    {
        await using var shared = _account.Connect();
        var connection = new SharedBroker(shared);
        await using var updates = connection.TradeUpdatesAsync().GetAsyncEnumerator();
        var next = updates.MoveNextAsync().AsTask();

        await connection.DisposeAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next);
    }

    [Fact]
    public async Task A_call_reaches_the_shared_broker()
    {
        await using var connection = new SharedBroker(_account.Connect());

        await connection.CancelAllOrdersAsync();

        Assert.Single(_account.CallsOf(ScriptedBrokerAccount.CancelAll));
    }

    private sealed class DisposeRecorder(IBroker inner) : ForwardingBroker(inner)
    {
        public bool Disposed { get; private set; }

        protected override ValueTask DisposeAsyncCore()
        {
            Disposed = true;
            return base.DisposeAsyncCore();
        }
    }
}
