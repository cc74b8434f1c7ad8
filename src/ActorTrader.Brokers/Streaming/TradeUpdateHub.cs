using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ActorTrader.Brokers.Abstractions;

namespace ActorTrader.Brokers.Streaming;

/// <summary>
/// Fans trade updates out to every subscriber, each with its own unbounded queue, in publication order. A subscriber
/// receives what is published after it subscribed (at the <c>TradeUpdatesAsync</c> call, not at the first
/// <c>MoveNextAsync</c>), until its token is canceled (a quiet end), it stops enumerating, or the broker is disposed.
/// A permanent failure (e.g. Alpaca refusing the credentials) ends every subscription with that exception, and new
/// subscriptions get it at once. Shared by the paper and the Alpaca broker.
/// </summary>
internal sealed class TradeUpdateHub
{
    private readonly Lock _gate = new();
    private readonly List<Channel<TradeUpdate>> _subscribers = [];
    private Exception? _failure;
    private bool _completed;

    public IAsyncEnumerable<TradeUpdate> Subscribe(CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<TradeUpdate>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });
        lock (_gate)
        {
            if (_failure is not null) channel.Writer.TryComplete(_failure);
            else if (_completed) channel.Writer.TryComplete();
            else _subscribers.Add(channel);
        }
        var registration = cancellationToken.Register(() => Unsubscribe(channel));
        return Read(channel, registration, cancellationToken);
    }

    public void Publish(IReadOnlyList<TradeUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        lock (_gate)
        {
            foreach (var update in updates) Publish(update);
        }
    }

    public void Publish(TradeUpdate update)
    {
        lock (_gate)
        {
            foreach (var subscriber in _subscribers) subscriber.Writer.TryWrite(update);
        }
    }

    /// <summary>Ends every subscription with <paramref name="failure"/>; later subscribers get it at once.</summary>
    public void Fail(Exception failure)
    {
        lock (_gate)
        {
            _failure ??= failure;
            foreach (var subscriber in _subscribers) subscriber.Writer.TryComplete(failure);
            _subscribers.Clear();
        }
    }

    /// <summary>Ends every subscription normally (the broker is disposed).</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            foreach (var subscriber in _subscribers) subscriber.Writer.TryComplete();
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
