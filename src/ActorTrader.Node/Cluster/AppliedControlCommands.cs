namespace ActorTrader.Node.Cluster;

/// <summary>
/// The control-log commands this node has applied, for the management API: a halt sent through this node answers only
/// once the node applied it itself (the other nodes apply it from the log on their own).
/// </summary>
internal sealed class AppliedControlCommands
{
    private readonly Lock _gate = new();
    private readonly List<(long Id, TaskCompletionSource Done)> _waiters = [];
    private long _lastApplied;

    public long LastApplied
    {
        get
        {
            lock (_gate) return _lastApplied;
        }
    }

    public void Applied(long id)
    {
        List<TaskCompletionSource> done;
        lock (_gate)
        {
            if (id > _lastApplied) _lastApplied = id;
            done = [.. _waiters.Where(w => w.Id <= _lastApplied).Select(w => w.Done)];
            _waiters.RemoveAll(w => w.Id <= _lastApplied);
        }
        foreach (var waiter in done) waiter.TrySetResult();
    }

    /// <summary>True when command <paramref name="id"/> was applied within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitAsync(long id, TimeSpan timeout, CancellationToken cancellationToken)
    {
        TaskCompletionSource done;
        lock (_gate)
        {
            if (_lastApplied >= id) return true;
            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((id, done));
        }
        try
        {
            await done.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
