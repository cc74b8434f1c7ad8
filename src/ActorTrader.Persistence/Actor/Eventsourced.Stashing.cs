using ActorTrader.Actors;

namespace ActorTrader.Persistence;

// The internal stash. The runtime's stash can only be reached through IWithStash, and a persistent actor needs two
// (Akka's internal stash plus the user's), so commands are held here and returned one at a time: the returning
// command travels through the mailbox (keeping its sender), and anything arriving meanwhile queues behind it.
public abstract partial class Eventsourced
{
    private readonly LinkedList<StashedMessage> _internalStash = new();
    private readonly HashSet<string> _retiredInstances = new(StringComparer.Ordinal);
    private bool _unstashInFlight;
    private StashedMessage? _inFlightUnstash;
    private bool _asyncCommandStarted;
    private bool _restarting;
    private StashedMessage? _currentCommand;
    private bool _currentCommandStashed;

    /// <summary>Number of commands held back (arrived during recovery or a persist); for diagnostics and tests.</summary>
    internal int InternalStashCount => _internalStash.Count + (_unstashInFlight ? 1 : 0);

    /// <summary>Returns the oldest held-back command to the mailbox when commands may run and none is on its way back already.</summary>
    private void UnstashNext()
    {
        if (_state != State.ProcessingCommands || _unstashInFlight || _internalStash.First is not { } first) return;
        _internalStash.RemoveFirst();
        _unstashInFlight = true;
        _inFlightUnstash = first.Value;
        Self.Tell(new Unstashed(WriterId, first.Value.Message), first.Value.Sender);
    }

    /// <summary>
    /// On the first message after a restart: the commands the previous incarnation held back come first, ahead of
    /// everything now in the mailbox; its command still on the way back through the mailbox is among them, so that
    /// copy is dropped when it arrives.
    /// </summary>
    private void TakeHandedOverStash()
    {
        if (_persistence.StashHandover.TryTake(Self) is not { } handover) return;
        for (var i = handover.Messages.Count - 1; i >= 0; i--) _internalStash.AddFirst(handover.Messages[i]);
        _retiredInstances.UnionWith(handover.RetiredInstances);
    }

    /// <summary>The command being handled, for the user stash; each delivery may be stashed once.</summary>
    internal StashedMessage TakeCurrentCommandForStash()
    {
        if (_currentCommand is not { } current)
            throw new InvalidOperationException($"{GetType().Name}: Stash() can only be called while a command is being handled. Fix: call it from a Command handler.");
        if (_currentCommandStashed)
            throw new InvalidOperationException($"{GetType().Name}: the command {current.Message.GetType().Name} was stashed twice. Fix: call Stash() once per command.");
        _currentCommandStashed = true;
        return current;
    }

    /// <summary>Puts user-stashed messages in front of the held-back commands (Akka: unstashAll prepends to the internal stash).</summary>
    internal void PrependToInternalStash(IReadOnlyList<StashedMessage> messages)
    {
        for (var i = messages.Count - 1; i >= 0; i--) _internalStash.AddFirst(messages[i]);
        UnstashNext();
    }
}
