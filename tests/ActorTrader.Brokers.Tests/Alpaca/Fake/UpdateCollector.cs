using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using ActorTrader.Brokers.Abstractions;

namespace ActorTrader.Brokers.Tests.Alpaca.Fake;

/// <summary>Subscribes to a broker's trade updates at construction and hands them to the test one by one.</summary>
internal sealed class UpdateCollector : IAsyncDisposable
{
    private readonly Channel<TradeUpdate> _received = Channel.CreateUnbounded<TradeUpdate>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;

    public UpdateCollector(IBroker broker)
    {
        var updates = broker.TradeUpdatesAsync(_stop.Token);
        _pump = Task.Run(async () =>
        {
            try
            {
                await foreach (var update in updates) _received.Writer.TryWrite(update);
                _received.Writer.TryComplete();
            }
            catch (Exception e)
            {
                // Handed to the test: NextAsync rethrows it.
                _received.Writer.TryComplete(e);
            }
        });
    }

    /// <summary>The next update; the exception that ended the subscription, as the subscriber saw it.</summary>
    public async Task<TradeUpdate> NextAsync()
    {
        try
        {
            return await Guard.Within(_received.Reader.ReadAsync().AsTask());
        }
        catch (ChannelClosedException closed) when (closed.InnerException is { } cause)
        {
            ExceptionDispatchInfo.Throw(cause);
            throw;
        }
    }

    /// <summary>The next update that is a fill or partial fill.</summary>
    public async Task<TradeUpdate> NextFillAsync()
    {
        while (true)
        {
            var update = await NextAsync();
            if (update.Event is TradeUpdateEvent.Fill or TradeUpdateEvent.PartialFill) return update;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _pump;
        _stop.Dispose();
    }
}
