using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ActorTrader.Brokers.Abstractions;

namespace ActorTrader.Brokers.Paper;

/// <summary>
/// Fans trade updates out to any number of subscribers, each with its own unbounded channel, in the order they were
/// published. A subscriber receives what is published after it subscribed (at the <c>TradeUpdatesAsync</c> call, not
/// at the first <c>MoveNextAsync</c>), until its token is canceled, it stops enumerating, or the broker is disposed.
/// </summary>
internal sealed class TradeUpdateHub
{
    private readonly Lock _gate = new();
    private readonly List<Channel<TradeUpdate>> _subscribers = [];
    private bool _completed;

    public IAsyncEnumerable<TradeUpdate> Subscribe(CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<TradeUpdate>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate)
        {
            if (_completed) channel.Writer.TryComplete();
            else _subscribers.Add(channel);
        }
        var registration = cancellationToken.Register(() => Unsubscribe(channel));
        return Read(channel, registration, cancellationToken);
    }

    public void Publish(IReadOnlyList<TradeUpdate> updates)
    {
        if (updates.Count == 0) return;
        lock (_gate)
        {
            foreach (var channel in _subscribers)
            {
                foreach (var update in updates) channel.Writer.TryWrite(update);
            }
        }
    }

    /// <summary>Ends every subscription (the broker is closing).</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            foreach (var channel in _subscribers) channel.Writer.TryComplete();
            _subscribers.Clear();
        }
    }

    private void Unsubscribe(Channel<TradeUpdate> channel)
    {
        lock (_gate) _subscribers.Remove(channel);
        channel.Writer.TryComplete();
    }

    private async IAsyncEnumerable<TradeUpdate> Read(Channel<TradeUpdate> channel, CancellationTokenRegistration registration,
        CancellationToken subscriptionToken, [EnumeratorCancellation] CancellationToken enumeratorToken = default)
    {
        // Cancellation ends the stream quietly: it completes the channel, so the loop below runs out.
        using var enumeratorRegistration = enumeratorToken.Register(() => Unsubscribe(channel));
        try
        {
            while (await channel.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var update))
                {
                    if (subscriptionToken.IsCancellationRequested || enumeratorToken.IsCancellationRequested) yield break;
                    yield return update;
                }
            }
        }
        finally
        {
            await registration.DisposeAsync().ConfigureAwait(false);
            Unsubscribe(channel);
        }
    }
}
