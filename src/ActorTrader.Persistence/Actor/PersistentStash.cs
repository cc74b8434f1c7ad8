using ActorTrader.Actors.Dispatch;

using ActorTrader.Actors;

namespace ActorTrader.Persistence;

/// <summary>The user stash of a persistent actor: unstashed messages go in front of the commands held back during persist, oldest first.</summary>
internal sealed class PersistentStash(Eventsourced owner) : IStash
{
    private readonly List<StashedMessage> _stashed = [];

    public int Count => _stashed.Count;

    public void Stash() => _stashed.Add(owner.TakeCurrentCommandForStash());

    public void Unstash()
    {
        if (_stashed.Count == 0) return;
        var first = _stashed[0];
        _stashed.RemoveAt(0);
        owner.PrependToInternalStash([first]);
    }

    public void UnstashAll()
    {
        if (_stashed.Count == 0) return;
        var all = _stashed.ToArray();
        _stashed.Clear();
        owner.PrependToInternalStash(all);
    }

    public void UnstashAll(Func<Envelope, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var selected = _stashed.Where(s => predicate(new Envelope(s.Message, s.Sender))).ToArray();
        if (selected.Length == 0) return;
        _stashed.RemoveAll(s => selected.Contains(s));
        owner.PrependToInternalStash(selected);
    }

    /// <summary>Empties the stash, returning its messages with their senders, oldest first.</summary>
    internal IReadOnlyList<StashedMessage> TakeAll()
    {
        var all = _stashed.ToArray();
        _stashed.Clear();
        return all;
    }

    public IReadOnlyList<Envelope> ClearStash()
    {
        var cleared = _stashed.Select(s => new Envelope(s.Message, s.Sender)).ToArray();
        _stashed.Clear();
        return cleared;
    }
}
