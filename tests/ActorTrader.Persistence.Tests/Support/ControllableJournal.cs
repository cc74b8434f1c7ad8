using ActorTrader.Persistence.Journal;

namespace ActorTrader.Persistence.Tests.Support;

/// <summary>
/// Wraps any journal so a test can hold writes (the handler must not run before the write is durable), hold recoveries
/// (to count how many run at once), count calls, and make calls fail the way a broken store would.
/// </summary>
public sealed class ControllableJournal(IJournal inner) : IJournal
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _writeGate = Open();
    private TaskCompletionSource _recoveryGate = Open();
    private TaskCompletionSource _replayGate = Open();
    private TaskCompletionSource _replayArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _writeArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _writes;
    private int _recoveriesInFlight;
    private int _maxRecoveriesInFlight;

    public IJournal Inner => inner;

    /// <summary>Thrown by the next writes (null: write normally).</summary>
    public Exception? FailWritesWith { get; set; }

    /// <summary>
    /// Held writes go on to the store even when their caller gave up (the breaker's call-timeout cancelled them): a write
    /// already inside its transaction. Otherwise a write cancelled while held is not stored.
    /// </summary>
    public bool WritesIgnoreCancellation { get; set; }

    /// <summary>Thrown by replays (null: replay normally).</summary>
    public Exception? FailReplaysWith { get; set; }

    public int WriteCalls
    {
        get
        {
            lock (_gate) return _writes;
        }
    }

    public int RecoveriesInFlight
    {
        get
        {
            lock (_gate) return _recoveriesInFlight;
        }
    }

    public int MaxRecoveriesInFlight
    {
        get
        {
            lock (_gate) return _maxRecoveriesInFlight;
        }
    }

    /// <summary>Writes wait (not yet stored) until <see cref="ReleaseWrites"/>.</summary>
    public void HoldWrites()
    {
        lock (_gate) _writeGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void ReleaseWrites()
    {
        lock (_gate) _writeGate.TrySetResult();
    }

    /// <summary>Completes when a write has reached the journal (held or not) since the last call.</summary>
    public Task NextWriteArrived()
    {
        lock (_gate) return _writeArrived.Task;
    }

    /// <summary>Recoveries (their first journal call, the highest sequence number) wait until released.</summary>
    public void HoldRecoveries()
    {
        lock (_gate) _recoveryGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Lets the recoveries waiting now go on; later ones wait again if <paramref name="keepHolding"/>.</summary>
    public void ReleaseRecoveries(bool keepHolding = false)
    {
        lock (_gate)
        {
            var released = _recoveryGate;
            _recoveryGate = keepHolding ? new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) : Open();
            released.TrySetResult();
        }
    }

    /// <summary>Replays (after the snapshot offer, before the first event) wait until <see cref="ReleaseReplays"/>.</summary>
    public void HoldReplays()
    {
        lock (_gate) _replayGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void ReleaseReplays()
    {
        lock (_gate) _replayGate.TrySetResult();
    }

    /// <summary>Completes when a replay has reached the journal (held or not) since the last call.</summary>
    public Task NextReplayArrived()
    {
        lock (_gate) return _replayArrived.Task;
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

    public async Task WriteAsync(IReadOnlyList<PersistentRepr> events, CancellationToken cancellationToken = default)
    {
        Task gate;
        lock (_gate)
        {
            _writes++;
            gate = _writeGate.Task;
            _writeArrived.TrySetResult();
            _writeArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        await gate.ConfigureAwait(false);
        if (FailWritesWith is { } failure) throw failure;
        await inner.WriteAsync(events, WritesIgnoreCancellation ? CancellationToken.None : cancellationToken).ConfigureAwait(false);
    }

    public IAsyncEnumerable<PersistentRepr> ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, CancellationToken cancellationToken = default) =>
        FailReplaysWith is { } failure ? throw failure : GatedReplayAsync(persistenceId, fromSequenceNr, toSequenceNr, max, cancellationToken);

    private async IAsyncEnumerable<PersistentRepr> GatedReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Task gate;
        lock (_gate)
        {
            gate = _replayGate.Task;
            _replayArrived.TrySetResult();
            _replayArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        await gate.ConfigureAwait(false);
        await foreach (var repr in inner.ReplayAsync(persistenceId, fromSequenceNr, toSequenceNr, max, cancellationToken).ConfigureAwait(false)) yield return repr;
    }

    public async Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken = default)
    {
        Task gate;
        lock (_gate)
        {
            _recoveriesInFlight++;
            _maxRecoveriesInFlight = Math.Max(_maxRecoveriesInFlight, _recoveriesInFlight);
            gate = _recoveryGate.Task;
        }
        try
        {
            await gate.ConfigureAwait(false);
            return await inner.ReadHighestSequenceNrAsync(persistenceId, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate) _recoveriesInFlight--;
        }
    }

    public Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default) =>
        inner.DeleteMessagesToAsync(persistenceId, toSequenceNr, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private static TaskCompletionSource Open()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }
}
