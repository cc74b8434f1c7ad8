using ActorTrader.Actors;

namespace ActorTrader.Persistence;

/// <summary>
/// Limits how many persistent actors recover at once (Akka's RecoveryPermitter), so a node start does not open
/// thousands of replays together. Waiting actors are granted in request order. A permit comes back when its holder
/// returns it or stops (the permitter watches every requester, so a crashed actor cannot leak one).
/// </summary>
internal sealed class RecoveryPermitter : ActorBase
{
    private readonly int _maxPermits;
    private readonly HashSet<IActorRef> _holders = [];
    private readonly LinkedList<(IActorRef Requester, string Instance)> _waiting = new();

    public RecoveryPermitter(int maxPermits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPermits, 1);
        _maxPermits = maxPermits;
    }

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case RequestRecoveryPermit request:
                Request(Sender, request.Instance);
                return true;
            case ReturnRecoveryPermit:
                Release(Sender);
                return true;
            case Terminated terminated:
                Release(terminated.ActorRef);
                return true;
            default:
                return false;
        }
    }

    private void Request(IActorRef requester, string instance)
    {
        // A restarted actor asks again with the same reference: it keeps its place (or its permit).
        if (_holders.Contains(requester))
        {
            requester.Tell(new RecoveryPermitGranted(instance), Self);
            return;
        }
        var queued = _waiting.First;
        while (queued is not null && !queued.Value.Requester.Equals(requester)) queued = queued.Next;
        if (queued is not null)
        {
            queued.Value = (requester, instance);
            return;
        }
        Context.Watch(requester);
        if (_holders.Count < _maxPermits) Grant(requester, instance);
        else _waiting.AddLast((requester, instance));
    }

    private void Release(IActorRef requester)
    {
        if (_holders.Remove(requester))
        {
            Context.Unwatch(requester);
            while (_holders.Count < _maxPermits && _waiting.First is { } next)
            {
                _waiting.RemoveFirst();
                Grant(next.Value.Requester, next.Value.Instance);
            }
            return;
        }
        var queued = _waiting.First;
        while (queued is not null && !queued.Value.Requester.Equals(requester)) queued = queued.Next;
        if (queued is null) return;
        _waiting.Remove(queued);
        Context.Unwatch(requester);
    }

    private void Grant(IActorRef requester, string instance)
    {
        _holders.Add(requester);
        requester.Tell(new RecoveryPermitGranted(instance), Self);
    }
}
