namespace ActorTrader.Actors;

/// <summary>
/// The system's publish/subscribe bus. A subscriber to a type receives every published event
/// assignable to it (subscribe to <c>object</c> for all). Subscribers are removed when they stop.
/// </summary>
public sealed class EventStream
{
    private readonly Lock _gate = new();
    private (Type Channel, IActorRef Subscriber)[] _subscriptions = []; // copy-on-write

    /// <summary>Returns false when the subscriber already had this channel.</summary>
    public bool Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        lock (_gate)
        {
            foreach (var s in _subscriptions)
                if (s.Channel == channel && s.Subscriber.Equals(subscriber)) return false;
            _subscriptions = [.. _subscriptions, (channel, subscriber)];
        }
        // A subscriber that already stopped will never unsubscribe itself (Akka removes it on its Terminated).
        // The fence pairs with the one in Mailbox.BecomeClosed: either we see it terminated here, or its own
        // stop, which unsubscribes it afterwards, sees this subscription.
        Interlocked.MemoryBarrier();
        if (subscriber is IInternalActorRef { IsTerminated: true }) Unsubscribe(subscriber);
        return true;
    }

    public bool Unsubscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        lock (_gate)
        {
            var before = _subscriptions.Length;
            _subscriptions = _subscriptions.Where(s => !(s.Channel == channel && s.Subscriber.Equals(subscriber))).ToArray();
            return _subscriptions.Length != before;
        }
    }

    /// <summary>Removes every subscription of the subscriber.</summary>
    public void Unsubscribe(IActorRef subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        if (!IsSubscribed(Volatile.Read(ref _subscriptions), subscriber)) return; // the common case: stop without subscriptions
        lock (_gate) _subscriptions = _subscriptions.Where(s => !s.Subscriber.Equals(subscriber)).ToArray();
    }

    private static bool IsSubscribed((Type Channel, IActorRef Subscriber)[] subscriptions, IActorRef subscriber)
    {
        foreach (var s in subscriptions)
        {
            if (s.Subscriber.Equals(subscriber)) return true;
        }
        return false;
    }

    public void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        foreach (var (channel, subscriber) in Volatile.Read(ref _subscriptions))
        {
            if (channel.IsInstanceOfType(@event)) subscriber.Tell(@event, null);
        }
    }
}
