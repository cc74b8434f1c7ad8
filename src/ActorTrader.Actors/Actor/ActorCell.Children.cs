using ActorTrader.Actors.Dispatch;

namespace ActorTrader.Actors;

/// <summary>Children: creation with unique names, stopping, and waiting for them before a restart or stop completes.</summary>
internal sealed partial class ActorCell
{
    private enum ChildrenWait
    {
        None,
        Termination,
        Recreation,
        Creation,
    }

    // Guarded by locking Mailbox (internal, so no user code can take the same lock): system.ActorOf
    // adds to the user guardian from any thread and ActorSelection reads from any thread.
    private Dictionary<string, LocalActorRef>? _children;
    private HashSet<IActorRef>? _stoppingChildren;
    private ChildrenWait _waitingForChildren;
    private Exception? _recreationCause;
    private List<SystemMessage>? _deferredSystemMessages;
    private int _nameSequence;
    private ChildRestartStats? _restartStats;

    /// <summary>This cell's restart accounting, kept by its parent's supervisor strategy.</summary>
    public ChildRestartStats RestartStats => _restartStats ??= new ChildRestartStats();

    public IActorRef ActorOf(Props props, string? name = null) => CreateChild(props, name).Self;

    public ActorCell CreateChild(Props props, string? name)
    {
        var child = CreateChildUnstarted(props, name);
        child.Start();
        return child;
    }

    /// <summary>
    /// Makes and registers the child cell without scheduling it (the system's bootstrap needs that).
    /// Its Create is queued before anyone can find it, so a message that arrives first never meets a
    /// missing instance; the name is reserved under the same lock that <see cref="Terminate"/> uses,
    /// so no child slips in while this actor stops.
    /// </summary>
    public ActorCell CreateChildUnstarted(Props props, string? name)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (name is null) name = NextGeneratedName();
        else ActorPath.ValidateName(name);

        props.Validate();
        var dispatcher = System.Dispatchers.Lookup(props.Dispatcher);
        var mailboxType = System.Mailboxes.Lookup(props.Mailbox);
        var path = new ChildActorPath(Path, name, System.NextUid());
        var child = new ActorCell(System, path, props, dispatcher, mailboxType, Self);
        child.Prepare();
        lock (Mailbox)
        {
            _children ??= new Dictionary<string, LocalActorRef>(StringComparer.Ordinal);
            Exception? refusal = null;
            if (IsTerminating || IsTerminated)
                refusal = new InvalidOperationException($"Cannot create child \"{name}\" of {Path}: that actor is stopping.");
            else if (!_children.TryAdd(name, child.Self))
                refusal = new InvalidActorNameException(
                    $"Actor name \"{name}\" is not unique under {Path}: a child with that name exists or is still stopping. Fix: choose another name, or wait for its Terminated.");
            if (refusal is not null)
            {
                child.Abandon();
                throw refusal;
            }
        }
        return child;
    }

    private string NextGeneratedName()
    {
        var n = (ulong)Interlocked.Increment(ref _nameSequence);
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+~";
        Span<char> buffer = stackalloc char[12];
        var i = buffer.Length;
        do
        {
            buffer[--i] = alphabet[(int)(n & 63)];
            n >>= 6;
        }
        while (n != 0);
        buffer[--i] = '$';
        return new string(buffer[i..]);
    }

    public IEnumerable<IActorRef> Children
    {
        get
        {
            lock (Mailbox) return _children is null ? [] : _children.Values.ToArray<IActorRef>();
        }
    }

    public IReadOnlyList<ActorCell> ChildCells()
    {
        lock (Mailbox) return _children is null ? [] : _children.Values.Select(c => c.Cell).ToArray();
    }

    public IActorRef Child(string name)
    {
        lock (Mailbox) return _children is not null && _children.TryGetValue(name, out var child) ? child : ActorRefs.Nobody;
    }

    /// <summary>A living child by name, for selections; null when absent or stopped.</summary>
    public ActorCell? LiveChild(string name)
    {
        lock (Mailbox)
            return _children is not null && _children.TryGetValue(name, out var child) && !child.Cell.IsTerminated ? child.Cell : null;
    }

    private ActorCell? FindChild(IActorRef child)
    {
        lock (Mailbox)
            return _children is not null && _children.TryGetValue(child.Path.Name, out var found) && found.Equals(child) ? found.Cell : null;
    }

    private bool HasChildren
    {
        get
        {
            lock (Mailbox) return _children is { Count: > 0 };
        }
    }

    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Equals(Self))
        {
            Self.Stop();
            return;
        }
        if (FindChild(actor) is not null)
        {
            StopChild(actor);
            return;
        }
        if (actor is IInternalActorRef other) other.Stop();
    }

    /// <summary>Stops a child and remembers it as stopping, so a restart can wait for it.</summary>
    public void StopChild(IActorRef child)
    {
        (_stoppingChildren ??= []).Add(child);
        ((IInternalActorRef)child).Stop();
    }

    private void SuspendChildren(IActorRef? except = null, IReadOnlyCollection<ActorCell>? alsoExcept = null)
    {
        foreach (var child in ChildCells())
        {
            if (!child.Self.Equals(except) && alsoExcept?.Contains(child) != true) child.Self.SendSystemMessage(new Suspend());
        }
    }

    /// <summary>The child whose escalated failure made this actor fail is resumed as the one that failed.</summary>
    private void ResumeChildren(Exception? causedByFailure, IActorRef? perpetrator)
    {
        foreach (var child in ChildCells())
            child.Self.SendSystemMessage(new Resume(child.Self.Equals(perpetrator) ? causedByFailure : null));
    }

    private void HandleChildTerminated(IActorRef child)
    {
        lock (Mailbox)
        {
            if (_children is not null && _children.TryGetValue(child.Path.Name, out var existing) && existing.Equals(child))
                _children.Remove(child.Path.Name);
        }
        _stoppingChildren?.Remove(child);

        switch (_waitingForChildren)
        {
            case ChildrenWait.Termination when !HasChildren:
                _waitingForChildren = ChildrenWait.None;
                FinishTerminate();
                break;
            case ChildrenWait.Creation when _stoppingChildren is not { Count: > 0 }:
                _waitingForChildren = ChildrenWait.None;
                FinishCreate();
                break;
            case ChildrenWait.Recreation when _stoppingChildren is not { Count: > 0 }:
                _waitingForChildren = ChildrenWait.None;
                var cause = _recreationCause!;
                _recreationCause = null;
                FinishRecreate(cause);
                break;
        }
    }

    private bool ShouldDeferWhileWaitingForChildren(SystemMessage message) =>
        (_waitingForChildren is ChildrenWait.Recreation or ChildrenWait.Creation && message is Recreate or Resume or Suspend or Failed)
        || (IsFailed && _waitingForChildren == ChildrenWait.None && message is Failed);

    private void ProcessDeferredSystemMessages()
    {
        var deferred = _deferredSystemMessages;
        if (deferred is null) return;
        _deferredSystemMessages = null;
        foreach (var message in deferred) SystemInvoke(message);
    }
}
