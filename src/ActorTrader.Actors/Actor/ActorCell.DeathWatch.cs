using ActorTrader.Actors.Dispatch;

namespace ActorTrader.Actors;

/// <summary>Death watch: exactly one <see cref="Terminated"/> per watched actor, also when it died before Watch.</summary>
internal sealed partial class ActorCell
{
    private Dictionary<IActorRef, object?>? _watching;
    private HashSet<IActorRef>? _watchedBy;
    // Terminated messages queued to self, with the WatchWith message to deliver instead (null: the Terminated itself).
    private Dictionary<IActorRef, object?>? _terminatedQueued;

    public IActorRef Watch(IActorRef subject) => WatchCore(subject, null);

    public IActorRef WatchWith(IActorRef subject, object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WatchCore(subject, message);
    }

    private IActorRef WatchCore(IActorRef subject, object? customMessage)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject is not IInternalActorRef target || subject.Equals(Self)) return subject;
        _watching ??= [];
        var alreadyWatching = _watching.ContainsKey(subject);
        _watching[subject] = customMessage;
        if (!alreadyWatching) target.SendSystemMessage(new Watch(target, Self));
        return subject;
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (_watching is not null && _watching.Remove(subject) && subject is IInternalActorRef target)
            target.SendSystemMessage(new Unwatch(target, Self));
        _terminatedQueued?.Remove(subject);
        return subject;
    }

    private void AddWatcher(IInternalActorRef watchee, IInternalActorRef watcher)
    {
        if (!watchee.Equals(Self) || watcher.Equals(Self)) return;
        (_watchedBy ??= []).Add(watcher);
    }

    private void RemoveWatcher(IInternalActorRef watchee, IInternalActorRef watcher)
    {
        if (watchee.Equals(Self)) _watchedBy?.Remove(watcher);
    }

    private void WatchedActorTerminated(IActorRef actor, bool existenceConfirmed)
    {
        if (_watching is not null && _watching.Remove(actor, out var customMessage) && !IsTerminating)
        {
            // Queued as a user message, so it arrives after everything the dead actor sent before dying.
            // A WatchWith message is swapped in on receipt, so an Unwatch before then drops it too (as Akka.NET).
            Self.Tell(new Terminated(actor, existenceConfirmed, AddressTerminated: false), actor);
            (_terminatedQueued ??= [])[actor] = customMessage;
        }
        if (FindChild(actor) is not null) HandleChildTerminated(actor);
    }

    private void ReceivedTerminated(Terminated terminated)
    {
        // Dropped when Unwatch came after it was queued: exactly-once means never after Unwatch.
        if (_terminatedQueued is null || !_terminatedQueued.Remove(terminated.ActorRef, out var customMessage)) return;
        if (customMessage is null)
        {
            ReceiveMessage(terminated);
            return;
        }
        _currentEnvelope = new Envelope(customMessage, terminated.ActorRef); // so Stash() keeps the custom message
        ReceiveMessage(customMessage);
    }

    /// <summary>A Terminated put back in the mailbox (by Unstash) is delivered again, as Akka's TerminatedQueuedFor.</summary>
    public void TerminatedQueuedFor(IActorRef subject) => (_terminatedQueued ??= [])[subject] = null;

    private void TellWatchersWeDied()
    {
        if (_watchedBy is null) return;
        foreach (var watcher in _watchedBy)
        {
            if (!watcher.Equals(_parent)) ((IInternalActorRef)watcher).SendSystemMessage(new DeathWatchNotification(Self, existenceConfirmed: true));
        }
        _watchedBy = null;
    }

    private void UnwatchWatchedActors()
    {
        if (_watching is not null)
        {
            foreach (var subject in _watching.Keys) ((IInternalActorRef)subject).SendSystemMessage(new Unwatch((IInternalActorRef)subject, Self));
            _watching = null;
        }
        _terminatedQueued = null;
    }
}
