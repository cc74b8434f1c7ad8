using ActorTrader.Actors.Dispatch;

namespace ActorTrader.Actors;

/// <summary>The unbounded stash of one actor incarnation chain.</summary>
internal sealed class ActorStash(ActorCell cell) : IStash
{
    private readonly List<Envelope> _stashed = [];
    private long _stashedTurn = -1;

    public int Count => _stashed.Count;

    public void Stash()
    {
        var current = cell.CurrentEnvelope
            ?? throw new InvalidOperationException("Stash() can only be called while processing a message.");
        // The same message object may legitimately arrive (and be stashed) twice; stashing one delivery twice may not.
        if (_stashedTurn == cell.MessageTurn)
            throw new InvalidOperationException($"The message {current.Message.GetType().Name} was stashed twice. Fix: call Stash() once per message.");
        _stashedTurn = cell.MessageTurn;
        _stashed.Add(current);
    }

    public void Unstash()
    {
        if (_stashed.Count == 0) return;
        var first = _stashed[0];
        _stashed.RemoveAt(0);
        EnqueueFirst([first]);
    }

    public void UnstashAll()
    {
        if (_stashed.Count == 0) return;
        EnqueueFirst(_stashed.ToArray());
        _stashed.Clear();
    }

    public void UnstashAll(Func<Envelope, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var selected = _stashed.Where(predicate).ToArray();
        _stashed.RemoveAll(e => predicate(e));
        EnqueueFirst(selected);
    }

    private void EnqueueFirst(Envelope[] envelopes)
    {
        cell.Mailbox.EnqueueFirst(envelopes);
        // A stashed Terminated was consumed from the queued set when first received; re-register it so it is delivered.
        foreach (var envelope in envelopes)
        {
            if (envelope.Message is Terminated terminated) cell.TerminatedQueuedFor(terminated.ActorRef);
        }
    }

    public IReadOnlyList<Envelope> ClearStash()
    {
        var cleared = _stashed.ToArray();
        _stashed.Clear();
        return cleared;
    }
}
